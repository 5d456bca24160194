package org.cometmq.tools.command.consumer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.MixAll;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.Connection;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.Formats;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code consumerProgress}: with {@code -g}, the group's offsets per queue against the brokers' max offsets,
 * the lag ({@code #Diff}) and time of the last consumed message, then the group's TPS and total lag; with
 * {@code -s true} also the client each queue is assigned to. Without {@code -g}, one summary line per group
 * (every group with a retry topic). Against a CometMQ broker that deleted messages before the group consumed them,
 * #Diff counts only what can still be consumed and a "Lost Total" section follows (absent otherwise, so the output
 * matches 4.9.7's).
 */
public class ConsumerProgressSubCommand implements SubCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerProgressSubCommand.class);
    static final String HEADER = "%-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s%n";
    static final String ROW = "%-64s  %-32s  %-4d  %-20d  %-20d  %-20d  %s%n";
    static final String HEADER_WITH_IP = "%-64s  %-32s  %-4s  %-20s  %-20s  %-20s %-20s  %s%n";
    static final String ROW_WITH_IP = "%-64s  %-32s  %-4d  %-20d  %-20d  %-20s %-20d  %s%n";
    static final String LOST_HEADER = "%-64s  %-32s  %-4s  %-20s  %s%n";
    static final String LOST_ROW = "%-64s  %-32s  %-4d  %-20d  %d%n";

    @Override
    public String commandName() {
        return "consumerProgress";
    }

    @Override
    public String commandDesc() {
        return "Query consumers's progress, speed";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        if (!commandLine.hasOption('g')) {
            new GroupSummaryPrinter(admin, context.out()).printAllGroups();
            return;
        }
        String group = OptionValues.string(commandLine, 'g');
        boolean showClientIp = OptionValues.boolValue(commandLine, 's', false);
        ConsumeStats stats = admin.examineConsumeStats(group);
        Map<MessageQueue, String> clientIps = showClientIp ? clientIpsByQueue(admin, group) : Map.of();
        printProgress(stats, showClientIp, clientIps, context.out());
    }

    static void printProgress(ConsumeStats stats, boolean showClientIp, Map<MessageQueue, String> clientIps,
        PrintStream out) {
        List<MessageQueue> queues = new ArrayList<>(stats.getOffsetTable().keySet());
        Collections.sort(queues);
        if (showClientIp) {
            out.printf(HEADER_WITH_IP, "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset",
                "#Client IP", "#Diff", "#LastTime");
        } else {
            out.printf(HEADER, "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff",
                "#LastTime");
        }
        long diffTotal = 0;
        for (MessageQueue mq : queues) {
            OffsetWrapper offsets = stats.getOffsetTable().get(mq);
            long diff = offsets.consumableDiff();
            diffTotal += diff;
            String lastTime = offsets.getLastTimestamp() == 0 ? "N/A" : Formats.dateTime(offsets.getLastTimestamp());
            String topic = Formats.front(mq.getTopic(), 64);
            String brokerName = Formats.front(mq.getBrokerName(), 32);
            if (showClientIp) {
                out.printf(ROW_WITH_IP, topic, brokerName, mq.getQueueId(), offsets.getBrokerOffset(),
                    offsets.getConsumerOffset(), clientIps.getOrDefault(mq, "N/A"), diff, lastTime);
            } else {
                out.printf(ROW, topic, brokerName, mq.getQueueId(), offsets.getBrokerOffset(),
                    offsets.getConsumerOffset(), diff, lastTime);
            }
        }
        out.printf("%n");
        out.printf("Consume TPS: %.2f%n", stats.getConsumeTps());
        out.printf("Diff Total: %d%n", diffTotal);
        printLost(stats, queues, out);
    }

    /**
     * Only when messages were deleted before the group consumed them (never on an Apache broker, which does not
     * report it; and Diff above counts only what can still be consumed): the total and the queues that lost some.
     */
    static void printLost(ConsumeStats stats, List<MessageQueue> queues, PrintStream out) {
        long lostTotal = queues.stream().mapToLong(mq -> stats.getOffsetTable().get(mq).lostBehind()).sum();
        if (lostTotal <= 0) {
            return;
        }
        out.printf("Lost Total: %d (deleted from the store before this group consumed them; the broker's store.log "
            + "names the offset ranges)%n", lostTotal);
        out.printf(LOST_HEADER, "#Topic", "#Broker Name", "#QID", "#Min Offset", "#Lost");
        for (MessageQueue mq : queues) {
            OffsetWrapper offsets = stats.getOffsetTable().get(mq);
            if (offsets.lostBehind() > 0) {
                out.printf(LOST_ROW, Formats.front(mq.getTopic(), 64), Formats.front(mq.getBrokerName(), 32),
                    mq.getQueueId(), offsets.getMinOffset(), offsets.lostBehind());
            }
        }
    }

    /** Which client (by IP) each queue is assigned to, from each online client's running info. */
    static Map<MessageQueue, String> clientIpsByQueue(MQAdminExt admin, String group) {
        Map<MessageQueue, String> assignment = new HashMap<>();
        try {
            ConsumerConnection connection = admin.examineConsumerConnectionInfo(group);
            for (Connection client : connection.getConnectionSet()) {
                ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, client.getClientId(), false);
                if (info != null && info.getMqTable() != null) {
                    String ip = client.getClientId().split("@")[0];
                    info.getMqTable().keySet().forEach(mq -> assignment.put(mq, ip));
                }
            }
        } catch (Exception e) {
            LOG.warn("queue assignment of group {} not fetched: {}", group, e.toString());
        }
        return assignment;
    }

    /** Lists every group that has a retry topic, with its client count, version, type, TPS and total lag. */
    static final class GroupSummaryPrinter {
        static final String HEADER = "%-64s  %-6s  %-24s %-5s  %-14s  %-7s  %s%n";
        static final String ROW = "%-64s  %-6d  %-24s %-5s  %-14s  %-7d  %d%n";

        private final MQAdminExt admin;
        private final PrintStream out;

        GroupSummaryPrinter(MQAdminExt admin, PrintStream out) {
            this.admin = admin;
            this.out = out;
        }

        void printAllGroups() throws Exception {
            out.printf(HEADER, "#Group", "#Count", "#Version", "#Type", "#Model", "#TPS", "#Diff Total");
            for (String topic : new TreeSet<>(admin.fetchAllTopicList().getTopicList())) {
                if (topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
                    printGroup(topic.substring(MixAll.RETRY_GROUP_TOPIC_PREFIX.length()));
                }
            }
        }

        private void printGroup(String group) {
            GroupConsumeInfo info = new GroupConsumeInfo(group);
            try {
                ConsumeStats stats = admin.examineConsumeStats(group);
                info.setConsumeTps((int) stats.getConsumeTps());
                info.setDiffTotal(stats.computeTotalDiff());
            } catch (Exception e) {
                LOG.warn("consume stats of group {} not fetched: {}", group, e.toString());
            }
            try {
                info.setConnection(admin.examineConsumerConnectionInfo(group));
            } catch (Exception e) {
                LOG.debug("group {} has no consumer online: {}", group, e.toString());
            }
            out.printf(ROW, Formats.front(group, 64), info.getCount(), info.versionDesc(), info.consumeTypeDesc(),
                info.messageModelDesc(), info.getConsumeTps(), info.getDiffTotal());
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .value("g", "groupName", "consumer group name")
            .value("s", "showClientIP", "Show Client IP per Queue")
            .options();
    }
}
