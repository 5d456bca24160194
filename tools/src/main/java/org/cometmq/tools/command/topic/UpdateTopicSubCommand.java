package org.cometmq.tools.command.topic;

import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.sysflag.TopicSysFlag;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.CommandUtil;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code updateTopic}: creates or updates a topic on one broker ({@code -b}) or on every master of a cluster
 * ({@code -c}), 8 read and 8 write queues unless told otherwise. An order topic ({@code -o true}) also gets its
 * ORDER_TOPIC_CONFIG entry on the name servers.
 */
public class UpdateTopicSubCommand implements SubCommand {
    static final int DEFAULT_QUEUE_NUMS = 8;

    @Override
    public String commandName() {
        return "updateTopic";
    }

    @Override
    public String commandDesc() {
        return "Update or create topic";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        TopicConfig topicConfig = topicConfigOf(commandLine);
        MQAdminExt admin = context.admin();
        if (commandLine.hasOption('b')) {
            String addr = OptionValues.string(commandLine, 'b');
            admin.createAndUpdateTopicConfig(addr, topicConfig);
            if (topicConfig.isOrder()) {
                String orderConf = CommandUtil.fetchBrokerNameByAddr(admin, addr) + ":"
                    + topicConfig.getWriteQueueNums();
                admin.createOrUpdateOrderConf(topicConfig.getTopicName(), orderConf, false);
                context.out().printf("set broker orderConf. isOrder=%s, orderConf=[%s]%n", true, orderConf);
            }
            context.out().printf("create topic to %s success.%n", addr);
        } else {
            String clusterName = OptionValues.string(commandLine, 'c');
            for (String addr : CommandUtil.fetchMasterAddrByClusterName(admin, clusterName)) {
                admin.createAndUpdateTopicConfig(addr, topicConfig);
                context.out().printf("create topic to %s success.%n", addr);
            }
            if (topicConfig.isOrder()) {
                String orderConf = clusterOrderConf(CommandUtil.fetchBrokerNameByClusterName(admin, clusterName),
                    topicConfig.getWriteQueueNums());
                admin.createOrUpdateOrderConf(topicConfig.getTopicName(), orderConf, true);
                context.out().printf("set cluster orderConf. isOrder=%s, orderConf=[%s]%n", true, orderConf);
            }
        }
        context.out().printf("%s%n", topicConfig);
    }

    static TopicConfig topicConfigOf(CommandLine commandLine) throws Exception {
        TopicConfig topicConfig = new TopicConfig(OptionValues.string(commandLine, 't'));
        topicConfig.setReadQueueNums(OptionValues.intValue(commandLine, 'r', DEFAULT_QUEUE_NUMS));
        topicConfig.setWriteQueueNums(OptionValues.intValue(commandLine, 'w', DEFAULT_QUEUE_NUMS));
        topicConfig.setPerm(OptionValues.perm(commandLine, 'p', topicConfig.getPerm()));
        boolean unit = OptionValues.boolValue(commandLine, 'u', false);
        boolean hasUnitSub = OptionValues.boolValue(commandLine, 's', false);
        topicConfig.setTopicSysFlag(TopicSysFlag.buildSysFlag(unit, hasUnitSub));
        topicConfig.setOrder(OptionValues.boolValue(commandLine, 'o', false));
        return topicConfig;
    }

    /** {@code broker-a:8;broker-b:8}: every broker of the cluster with the topic's write queue count. */
    static String clusterOrderConf(Set<String> brokerNames, int writeQueueNums) {
        StringBuilder conf = new StringBuilder();
        for (String brokerName : brokerNames) {
            if (conf.length() > 0) {
                conf.append(';');
            }
            conf.append(brokerName).append(':').append(writeQueueNums);
        }
        return conf.toString();
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .brokerOrCluster("create topic to which broker", "create topic to which cluster")
            .required("t", "topic", "topic name")
            .value("r", "readQueueNums", "set read queue nums")
            .value("w", "writeQueueNums", "set write queue nums")
            .value("p", "perm", "set topic's permission(2|4|6), intro[2:W 4:R; 6:RW]")
            .value("o", "order", "set topic's order(true|false)")
            .value("u", "unit", "is unit topic (true|false)")
            .value("s", "hasUnitSub", "has unit sub (true|false)")
            .options();
    }
}
