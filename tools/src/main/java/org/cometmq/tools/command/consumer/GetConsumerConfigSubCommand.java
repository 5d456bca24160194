package org.cometmq.tools.command.consumer;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code getConsumerConfig}: a subscription group's settings on every broker that has it, one block per broker
 * headed by {@code cluster:broker}, one {@code name = value} line per setting in RocketMQ's field order.
 */
public class GetConsumerConfigSubCommand implements SubCommand {
    static final String HEADER = "=============================%s:%s=============================\n";
    static final String ROW = "%s%-40s=  %s\n";

    @Override
    public String commandName() {
        return "getConsumerConfig";
    }

    @Override
    public String commandDesc() {
        return "Get consumer config by subscription group name!";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String group = OptionValues.string(commandLine, 'g');
        MQAdminExt admin = context.admin();
        ClusterInfo clusterInfo = admin.examineBrokerClusterInfo();
        for (Map.Entry<String, BrokerData> broker : clusterInfo.getBrokerAddrTable().entrySet()) {
            String addr = broker.getValue().selectBrokerAddr();
            SubscriptionGroupConfig config = addr == null ? null : admin.examineSubscriptionGroupConfig(addr, group);
            if (config != null) {
                print(context.out(), clusterOf(broker.getKey(), clusterInfo.getClusterAddrTable()), broker.getKey(),
                    config);
            }
        }
    }

    static void print(PrintStream out, String cluster, String brokerName, SubscriptionGroupConfig config) {
        out.printf(HEADER, cluster, brokerName);
        row(out, "groupName", config.getGroupName());
        row(out, "consumeEnable", config.isConsumeEnable());
        row(out, "consumeFromMinEnable", config.isConsumeFromMinEnable());
        row(out, "consumeBroadcastEnable", config.isConsumeBroadcastEnable());
        row(out, "retryQueueNums", config.getRetryQueueNums());
        row(out, "retryMaxTimes", config.getRetryMaxTimes());
        row(out, "brokerId", config.getBrokerId());
        row(out, "whichBrokerWhenConsumeSlowly", config.getWhichBrokerWhenConsumeSlowly());
        row(out, "notifyConsumerIdsChangedEnable", config.isNotifyConsumerIdsChangedEnable());
    }

    private static void row(PrintStream out, String name, Object value) {
        out.printf(ROW, "", name, value == null ? "" : value.toString());
    }

    private static String clusterOf(String brokerName, Map<String, Set<String>> clusterAddrTable) {
        for (Map.Entry<String, Set<String>> cluster : clusterAddrTable.entrySet()) {
            if (cluster.getValue().contains(brokerName)) {
                return cluster.getKey();
            }
        }
        return null;
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("g", "groupName", "subscription group name")
            .options();
    }
}
