package org.cometmq.tools.command.topic;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.MixAll;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.CommandUtil;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/**
 * {@code updateTopicPerm}: changes a topic's permission on one master ({@code -b}) or every master of a
 * cluster ({@code -c}), keeping its queue counts as the route shows them.
 */
public class UpdateTopicPermSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateTopicPerm";
    }

    @Override
    public String commandDesc() {
        return "Update topic perm";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        String topic = OptionValues.string(commandLine, 't');
        int perm = OptionValues.perm(commandLine, 'p', 0);
        TopicRouteData route = admin.examineTopicRouteInfo(topic);
        if (route.getQueueDatas() == null || route.getQueueDatas().isEmpty()) {
            throw new SubCommandException("topic '" + topic + "' has no queues in its route");
        }
        if (commandLine.hasOption('b')) {
            String addr = OptionValues.string(commandLine, 'b');
            QueueData queueData = queueDataOfMaster(route, addr, topic);
            updateOn(admin, context, addr, topicConfigOf(topic, queueData), perm);
        } else {
            TopicConfig topicConfig = topicConfigOf(topic, route.getQueueDatas().get(0));
            for (String addr : CommandUtil.fetchMasterAddrByClusterName(admin, OptionValues.string(commandLine,
                'c'))) {
                updateOn(admin, context, addr, topicConfig, perm);
            }
        }
    }

    private static void updateOn(MQAdminExt admin, CommandContext context, String addr, TopicConfig topicConfig,
        int perm) throws Exception {
        int oldPerm = topicConfig.getPerm();
        if (oldPerm == perm) {
            context.out().printf("new perm equals to the old one!%n");
            return;
        }
        topicConfig.setPerm(perm);
        admin.createAndUpdateTopicConfig(addr, topicConfig);
        topicConfig.setPerm(oldPerm);
        context.out().printf("update topic perm from %s to %s in %s success.%n", oldPerm, perm, addr);
    }

    /** The queue data of the broker whose master listens on {@code addr}. */
    private static QueueData queueDataOfMaster(TopicRouteData route, String addr, String topic)
        throws SubCommandException {
        for (BrokerData brokerData : route.getBrokerDatas()) {
            if (addr.equals(brokerData.getBrokerAddrs().get(MixAll.MASTER_ID))) {
                for (QueueData queueData : route.getQueueDatas()) {
                    if (queueData.getBrokerName().equals(brokerData.getBrokerName())) {
                        return queueData;
                    }
                }
            }
        }
        throw new SubCommandException("no master broker at " + addr + " serves topic '" + topic
            + "' (try mqadmin topicRoute -t " + topic + ")");
    }

    private static TopicConfig topicConfigOf(String topic, QueueData queueData) {
        TopicConfig topicConfig = new TopicConfig(topic);
        topicConfig.setReadQueueNums(queueData.getReadQueueNums());
        topicConfig.setWriteQueueNums(queueData.getWriteQueueNums());
        topicConfig.setPerm(queueData.getPerm());
        topicConfig.setTopicSysFlag(queueData.getTopicSysFlag());
        return topicConfig;
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .brokerOrCluster("create topic to which broker", "create topic to which cluster")
            .required("t", "topic", "topic name")
            .required("p", "perm", "set topic's permission(2|4|6), intro[2:W; 4:R; 6:RW]")
            .options();
    }
}
