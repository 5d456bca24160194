package org.cometmq.tools.command.topic;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code topicRoute}: the topic's route as the name server returns it, as pretty JSON or ({@code -l}) a table. */
public class TopicRouteSubCommand implements SubCommand {
    static final String ROW = "%-45s %-32s %-50s %-10s %-11s %-5s%n";
    private static final int RULE_WIDTH = 158;

    @Override
    public String commandName() {
        return "topicRoute";
    }

    @Override
    public String commandDesc() {
        return "Examine topic route info";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        TopicRouteData route = context.admin().examineTopicRouteInfo(OptionValues.string(commandLine, 't'));
        if (commandLine.hasOption('l')) {
            printTable(route, context.out());
        } else {
            context.out().printf("%s%n", route.toJson(true));
        }
    }

    static void printTable(TopicRouteData route, PrintStream out) {
        Map<String, QueueData> queuesByBroker = new HashMap<>();
        for (QueueData queueData : route.getQueueDatas()) {
            queuesByBroker.put(queueData.getBrokerName(), queueData);
        }
        List<BrokerData> brokers = new ArrayList<>(route.getBrokerDatas());
        brokers.sort(Comparator.comparing(BrokerData::getBrokerName));
        out.printf(ROW, "#ClusterName", "#BrokerName", "#BrokerAddrs", "#ReadQueue", "#WriteQueue", "#Perm");
        int totalRead = 0;
        int totalWrite = 0;
        for (BrokerData broker : brokers) {
            QueueData queueData = queuesByBroker.get(broker.getBrokerName());
            int read = queueData == null ? 0 : queueData.getReadQueueNums();
            int write = queueData == null ? 0 : queueData.getWriteQueueNums();
            totalRead += read;
            totalWrite += write;
            out.printf(ROW, broker.getCluster(), broker.getBrokerName(), new TreeMap<>(broker.getBrokerAddrs()),
                read, write, queueData == null ? "" : queueData.getPerm());
        }
        out.printf("%s%n", "-".repeat(RULE_WIDTH));
        out.printf(ROW, "Total:", queuesByBroker.size(), "", totalRead, totalWrite, "");
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "topic name")
            .flag("l", "list", "Use list format to print data")
            .options();
    }
}
