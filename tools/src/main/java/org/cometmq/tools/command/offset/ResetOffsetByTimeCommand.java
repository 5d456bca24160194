package org.cometmq.tools.command.offset;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.admin.RollbackStats;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.Formats;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code resetOffsetByTime}: moves a group's offsets of a topic to a point in time. The brokers push the new
 * offsets to the online consumers; when no consumer is online (CONSUMER_NOT_ONLINE) the offsets are written
 * straight into the brokers instead (spec 9.11), and the table shows before and after per queue.
 */
public class ResetOffsetByTimeCommand implements SubCommand {
    static final String ONLINE_ROW = "%-40s  %-40s  %-40s%n";
    static final String OFFLINE_ROW = "%-20s  %-20s  %-20s  %-20s  %-20s  %-20s%n";

    @Override
    public String commandName() {
        return "resetOffsetByTime";
    }

    @Override
    public String commandDesc() {
        return "Reset consumer offset by timestamp(without client restart).";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String group = OptionValues.string(commandLine, 'g');
        String topic = OptionValues.string(commandLine, 't');
        String timeText = OptionValues.string(commandLine, 's');
        long timestamp = OptionValues.timestamp(commandLine, 's');
        boolean force = OptionValues.boolValue(commandLine, 'f', true);
        MQAdminExt admin = context.admin();
        PrintStream out = context.out();
        Map<MessageQueue, Long> offsets;
        try {
            offsets = admin instanceof DefaultMQAdminExt ext
                ? ext.resetOffsetByTimestamp(topic, group, timestamp, force, commandLine.hasOption('c'))
                : admin.resetOffsetByTimestamp(topic, group, timestamp, force);
        } catch (MQClientException e) {
            if (e.getResponseCode() != ResponseCode.CONSUMER_NOT_ONLINE) {
                throw e;
            }
            List<RollbackStats> stats = admin.resetOffsetByTimestampOld(group, topic, timestamp, force);
            printOffline(out, group, topic, force, timeText, timestamp, stats);
            return;
        }
        out.printf("rollback consumer offset by specified group[%s], topic[%s], force[%s], timestamp(string)[%s],"
            + " timestamp(long)[%s]%n", group, topic, force, timeText, timestamp);
        printOnlineTable(out, offsets);
    }

    /** The new offset of every queue, sorted by queue (4.9.7 prints them in hash order). */
    static void printOnlineTable(PrintStream out, Map<MessageQueue, Long> offsets) {
        out.printf(ONLINE_ROW, "#brokerName", "#queueId", "#offset");
        List<MessageQueue> queues = new ArrayList<>(offsets.keySet());
        Collections.sort(queues);
        for (MessageQueue mq : queues) {
            out.printf("%-40s  %-40d  %-40d%n", Formats.front(mq.getBrokerName(), 32), mq.getQueueId(),
                offsets.get(mq));
        }
    }

    static void printOffline(PrintStream out, String group, String topic, boolean force, String timeText,
        long timestamp, List<RollbackStats> stats) {
        out.printf("rollback consumer offset by specified consumerGroup[%s], topic[%s], force[%s],"
            + " timestamp(string)[%s], timestamp(long)[%s]%n", group, topic, force, timeText, timestamp);
        printOfflineTable(out, stats);
    }

    /** Before and after of every queue whose offsets were written straight into the broker, sorted by queue. */
    static void printOfflineTable(PrintStream out, List<RollbackStats> stats) {
        out.printf(OFFLINE_ROW, "#brokerName", "#queueId", "#brokerOffset", "#consumerOffset", "#timestampOffset",
            "#rollbackOffset");
        List<RollbackStats> sorted = new ArrayList<>(stats);
        sorted.sort((a, b) -> a.getBrokerName().equals(b.getBrokerName())
            ? Long.compare(a.getQueueId(), b.getQueueId()) : a.getBrokerName().compareTo(b.getBrokerName()));
        for (RollbackStats row : sorted) {
            out.printf("%-20s  %-20d  %-20d  %-20d  %-20d  %-20d%n", Formats.front(row.getBrokerName(), 32),
                row.getQueueId(), row.getBrokerOffset(), row.getConsumerOffset(), row.getTimestampOffset(),
                row.getRollbackOffset());
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("g", "group", "set the consumer group")
            .required("t", "topic", "set the topic")
            .required("s", "timestamp", "set the timestamp[now|currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
            .value("f", "force", "set the force rollback by timestamp switch[true|false]")
            .flag("c", "cplus", "reset c++ client offset")
            .options();
    }
}
