package org.cometmq.tools.command.stats;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.MixAll;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.protocol.body.BrokerStatsData;
import org.cometmq.common.protocol.body.GroupList;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.Formats;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code statsAll}: per topic and consuming group, the backlog, the put and get TPS of the last minute and the
 * messages put and got in the last 24 hours, summed over the topic's master brokers (VIEW_BROKER_STATS_DATA).
 * Topics are listed in name order (4.9.7 prints them in hash order); retry and DLQ topics are left out.
 */
public class StatsAllSubCommand implements SubCommand {
    static final String HEADER = "%-64s  %-64s %12s %11s %11s %14s %14s%n";
    static final String ROW = "%-64s  %-64s %12d %11.2f %11.2f %14d %14d%n";
    static final String NO_CONSUMER_ROW = "%-64s  %-64s %12d %11.2f %11s %14d %14s%n";
    /** The broker's stats names (BrokerStatsManager) for messages put into a topic and got by a group. */
    static final String TOPIC_PUT_NUMS = "TOPIC_PUT_NUMS";
    static final String GROUP_GET_NUMS = "GROUP_GET_NUMS";

    @Override
    public String commandName() {
        return "statsAll";
    }

    @Override
    public String commandDesc() {
        return "Topic and Consumer tps stats";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        List<String> topics = new ArrayList<>(admin.fetchAllTopicList().getTopicList());
        topics.sort(null);
        PrintStream out = context.out();
        out.printf(HEADER, "#Topic", "#Consumer Group", "#Accumulation", "#InTPS", "#OutTPS", "#InMsg24Hour",
            "#OutMsg24Hour");
        boolean activeOnly = commandLine.hasOption('a');
        String selected = OptionValues.string(commandLine, 't');
        for (String topic : topics) {
            if (topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX) || topic.startsWith(MixAll.DLQ_GROUP_TOPIC_PREFIX)
                || (selected != null && !selected.isEmpty() && !topic.equals(selected))) {
                continue;
            }
            try {
                printTopic(admin, out, topic, activeOnly);
            } catch (Exception e) {
                // as 4.9.7: a topic whose route or consumers cannot be read is left out of the table
            }
        }
    }

    static void printTopic(MQAdminExt admin, PrintStream out, String topic, boolean activeOnly) throws Exception {
        TopicRouteData route = admin.examineTopicRouteInfo(topic);
        GroupList groups = admin.queryTopicConsumeByWho(topic);
        Traffic in = traffic(admin, route, TOPIC_PUT_NUMS, topic);
        if (groups == null || groups.getGroupList().isEmpty()) {
            if (!activeOnly || in.today() > 0) {
                out.printf(NO_CONSUMER_ROW, Formats.front(topic, 64), "", 0, in.tps(), "", in.today(), "NO_CONSUMER");
            }
            return;
        }
        List<String> sortedGroups = new ArrayList<>(groups.getGroupList());
        sortedGroups.sort(null);
        for (String group : sortedGroups) {
            Traffic outbound = traffic(admin, route, GROUP_GET_NUMS, topic + "@" + group);
            long backlog = backlog(admin, group, topic);
            if (!activeOnly || in.today() > 0 || outbound.today() > 0) {
                out.printf(ROW, Formats.front(topic, 64), Formats.front(group, 64), backlog, in.tps(),
                    outbound.tps(), in.today(), outbound.today());
            }
        }
    }

    /** Last-minute TPS and 24-hour count of one stats key, summed over the masters; a broker that fails adds 0. */
    private static Traffic traffic(MQAdminExt admin, TopicRouteData route, String statsName, String statsKey) {
        double tps = 0;
        long today = 0;
        for (BrokerData broker : route.getBrokerDatas()) {
            String master = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
            if (master == null) {
                continue;
            }
            try {
                BrokerStatsData stats = admin.viewBrokerStatsData(master, statsName, statsKey);
                tps += stats.getStatsMinute().getTps();
                today += compute24HourSum(stats);
            } catch (Exception e) {
                // no stats yet for this key on this broker (the broker answers an error): counts as none
            }
        }
        return new Traffic(tps, today);
    }

    private static long backlog(MQAdminExt admin, String group, String topic) {
        try {
            ConsumeStats stats = admin.examineConsumeStats(group, topic);
            return stats == null ? 0 : Math.max(0, stats.computeTotalDiff());
        } catch (Exception e) {
            return 0;
        }
    }

    /** The day's sum, else the hour's, else the minute's: the first window that saw anything. */
    public static long compute24HourSum(BrokerStatsData stats) {
        if (stats.getStatsDay().getSum() != 0) {
            return stats.getStatsDay().getSum();
        }
        if (stats.getStatsHour().getSum() != 0) {
            return stats.getStatsHour().getSum();
        }
        return stats.getStatsMinute().getSum();
    }

    private record Traffic(double tps, long today) {
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .flag("a", "activeTopic", "print active topic only")
            .value("t", "topic", "print select topic only")
            .options();
    }
}
