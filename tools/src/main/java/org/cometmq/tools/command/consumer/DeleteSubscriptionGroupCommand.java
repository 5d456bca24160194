package org.cometmq.tools.command.consumer;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.MixAll;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.CommandUtil;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.topic.DeleteTopicSubCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code deleteSubGroup}: deletes a subscription group from one broker, or from every master of a cluster
 * together with the group's retry and DLQ topics.
 */
public class DeleteSubscriptionGroupCommand implements SubCommand {
    private static final Logger LOG = LoggerFactory.getLogger(DeleteSubscriptionGroupCommand.class);

    @Override
    public String commandName() {
        return "deleteSubGroup";
    }

    @Override
    public String commandDesc() {
        return "Delete subscription group from broker.";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String group = OptionValues.string(commandLine, 'g');
        boolean removeOffset = OptionValues.boolValue(commandLine, 'r', false);
        MQAdminExt admin = context.admin();
        if (commandLine.hasOption('b')) {
            String addr = OptionValues.string(commandLine, 'b');
            admin.deleteSubscriptionGroup(addr, group, removeOffset);
            context.out().printf("delete subscription group [%s] from broker [%s] success.%n", group, addr);
            return;
        }
        String cluster = OptionValues.string(commandLine, 'c');
        for (String addr : CommandUtil.fetchMasterAddrByClusterName(admin, cluster)) {
            admin.deleteSubscriptionGroup(addr, group, removeOffset);
            context.out().printf("delete subscription group [%s] from broker [%s] in cluster [%s] success.%n", group,
                addr, cluster);
        }
        for (String topic : new String[] {MixAll.getRetryTopic(group), MixAll.getDLQTopic(group)}) {
            try {
                DeleteTopicSubCommand.deleteTopic(admin, context.out(), cluster, topic);
            } catch (Exception e) {
                // a group that never failed a message has no DLQ topic: nothing to delete
                LOG.info("topic {} of group {} not deleted: {}", topic, group, e.toString());
            }
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .brokerOrCluster("delete subscription group from which broker",
                "delete subscription group from which cluster")
            .required("g", "groupName", "subscription group name")
            .value("r", "removeOffset", "remove offset")
            .options();
    }
}
