package org.cometmq.tools.command.consumer;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.CommandUtil;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code updateSubGroup}: creates or updates a subscription group on one broker or every master of a cluster.
 * As in RocketMQ's tool, broadcast and consume-from-min are off unless asked for.
 */
public class UpdateSubGroupSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateSubGroup";
    }

    @Override
    public String commandDesc() {
        return "Update or create subscription group";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        SubscriptionGroupConfig config = configOf(commandLine);
        MQAdminExt admin = context.admin();
        if (commandLine.hasOption('b')) {
            String addr = OptionValues.string(commandLine, 'b');
            admin.createAndUpdateSubscriptionGroupConfig(addr, config);
            context.out().printf("create subscription group to %s success.%n", addr);
        } else {
            for (String addr : CommandUtil.fetchMasterAddrByClusterName(admin, OptionValues.string(commandLine,
                'c'))) {
                admin.createAndUpdateSubscriptionGroupConfig(addr, config);
                context.out().printf("create subscription group to %s success.%n", addr);
            }
        }
        context.out().printf("%s%n", config);
    }

    static SubscriptionGroupConfig configOf(CommandLine commandLine) throws Exception {
        SubscriptionGroupConfig config = new SubscriptionGroupConfig(OptionValues.string(commandLine, 'g'));
        config.setConsumeEnable(OptionValues.boolValue(commandLine, 's', config.isConsumeEnable()));
        config.setConsumeFromMinEnable(OptionValues.boolValue(commandLine, 'm', false));
        config.setConsumeBroadcastEnable(OptionValues.boolValue(commandLine, 'd', false));
        config.setRetryQueueNums(OptionValues.intValue(commandLine, 'q', config.getRetryQueueNums()));
        config.setRetryMaxTimes(OptionValues.intValue(commandLine, 'r', config.getRetryMaxTimes()));
        config.setBrokerId(OptionValues.longValue(commandLine, 'i', config.getBrokerId()));
        config.setWhichBrokerWhenConsumeSlowly(OptionValues.longValue(commandLine, 'w',
            config.getWhichBrokerWhenConsumeSlowly()));
        config.setNotifyConsumerIdsChangedEnable(OptionValues.boolValue(commandLine, 'a',
            config.isNotifyConsumerIdsChangedEnable()));
        return config;
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .brokerOrCluster("create subscription group to which broker", "create subscription group to which cluster")
            .required("g", "groupName", "consumer group name")
            .value("s", "consumeEnable", "consume enable")
            .value("m", "consumeFromMinEnable", "from min offset")
            .value("d", "consumeBroadcastEnable", "broadcast")
            .value("q", "retryQueueNums", "retry queue nums")
            .value("r", "retryMaxTimes", "retry max times")
            .value("i", "brokerId", "consumer from which broker id")
            .value("w", "whichBrokerWhenConsumeSlowly", "which broker id when consume slowly")
            .value("a", "notifyConsumerIdsChanged", "notify consumerId changed")
            .options();
    }
}
