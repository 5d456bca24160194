package org.cometmq.tools.command.offset;

import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code cloneGroupOffset}: gives {@code -d} the committed offsets {@code -s} has, queue by queue, written to the
 * brokers that hold {@code -t}, as 4.9.7's tool does (through UPDATE_CONSUMER_OFFSET, not CLONE_GROUP_OFFSET).
 * {@code -o} is accepted and, as in 4.9.7, changes nothing.
 */
public class CloneGroupOffsetCommand implements SubCommand {
    @Override
    public String commandName() {
        return "cloneGroupOffset";
    }

    @Override
    public String commandDesc() {
        return "clone offset from other group.";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String srcGroup = OptionValues.string(commandLine, 's');
        String destGroup = OptionValues.string(commandLine, 'd');
        String topic = OptionValues.string(commandLine, 't');
        MQAdminExt admin = context.admin();
        ConsumeStats stats = admin.examineConsumeStats(srcGroup);
        if (!stats.getOffsetTable().isEmpty()) {
            TopicRouteData route = admin.examineTopicRouteInfo(topic);
            for (Map.Entry<MessageQueue, OffsetWrapper> entry : stats.getOffsetTable().entrySet()) {
                long offset = entry.getValue().getConsumerOffset();
                String addr = brokerAddr(route, entry.getKey().getBrokerName());
                if (offset >= 0 && addr != null) {
                    admin.updateConsumeOffset(addr, destGroup, entry.getKey(), offset);
                }
            }
        }
        context.out().printf("clone group offset success. srcGroup[%s], destGroup=[%s], topic[%s]%n", srcGroup,
            destGroup, topic);
    }

    private static String brokerAddr(TopicRouteData route, String brokerName) {
        for (BrokerData brokerData : route.getBrokerDatas()) {
            if (brokerData.getBrokerName().equals(brokerName)) {
                return brokerData.selectBrokerAddr();
            }
        }
        return null;
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("s", "srcGroup", "set source consumer group")
            .required("d", "destGroup", "set destination consumer group")
            .required("t", "topic", "set the topic")
            .value("o", "offline", "the group or the topic is offline")
            .options();
    }
}
