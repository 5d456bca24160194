package org.cometmq.tools.command.broker;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.ConsumeStatsList;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.Formats;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code brokerConsumeStats}: the consume progress of every group on one broker, one row per queue that a group
 * has consumed from (a queue never consumed has no last timestamp and is left out, as in 4.9.7), then the total
 * lag. {@code -l} hides rows lagging less than the threshold; {@code -o true} asks only for order topics.
 * (The class name keeps 4.9.7's spelling.)
 */
public class BrokerConsumeStatsSubCommad implements SubCommand {
    private static final long DEFAULT_TIMEOUT_MILLIS = 50_000;
    private static final String ROW = "%-64s  %-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s%n";

    @Override
    public String commandName() {
        return "brokerConsumeStats";
    }

    @Override
    public String commandDesc() {
        return "Fetch broker consume stats data";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String brokerAddr = OptionValues.string(commandLine, 'b');
        boolean isOrder = OptionValues.boolValue(commandLine, 'o', false);
        long timeoutMillis = OptionValues.longValue(commandLine, 't', DEFAULT_TIMEOUT_MILLIS);
        long diffLevel = OptionValues.longValue(commandLine, 'l', 0);
        ConsumeStatsList stats = context.admin().fetchConsumeStatsInBroker(brokerAddr, isOrder, timeoutMillis);
        print(stats, diffLevel, context.out());
    }

    static void print(ConsumeStatsList stats, long diffLevel, PrintStream out) {
        out.printf(ROW, "#Topic", "#Group", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff",
            "#LastTime");
        if (stats.getConsumeStatsList() != null) {
            for (Map<String, List<ConsumeStats>> byGroup : stats.getConsumeStatsList()) {
                byGroup.forEach((group, groupStats) -> groupStats.forEach(
                    consumeStats -> printQueues(group, consumeStats, diffLevel, out)));
            }
        }
        out.printf("%nDiff Total: %d%n", stats.getTotalDiff());
    }

    private static void printQueues(String group, ConsumeStats consumeStats, long diffLevel, PrintStream out) {
        List<MessageQueue> queues = new ArrayList<>(consumeStats.getOffsetTable().keySet());
        Collections.sort(queues);
        for (MessageQueue mq : queues) {
            OffsetWrapper offsets = consumeStats.getOffsetTable().get(mq);
            long diff = offsets.getBrokerOffset() - offsets.getConsumerOffset();
            if (diff < diffLevel || offsets.getLastTimestamp() <= 0) {
                continue;
            }
            out.printf(ROW, Formats.front(mq.getTopic(), 64), group, Formats.front(mq.getBrokerName(), 32),
                mq.getQueueId(), offsets.getBrokerOffset(), offsets.getConsumerOffset(), diff,
                Formats.dateTime(offsets.getLastTimestamp()));
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("b", "brokerAddr", "Broker address")
            .value("t", "timeoutMillis", "request timeout Millis")
            .value("l", "level", "threshold of print diff")
            .value("o", "order", "order topic")
            .options();
    }
}
