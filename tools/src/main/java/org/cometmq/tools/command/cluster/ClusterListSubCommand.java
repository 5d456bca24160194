package org.cometmq.tools.command.cluster;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code clusterList}: every broker of every cluster with its version, TPS and load (from
 * GET_BROKER_RUNTIME_INFO); {@code -m} shows message totals of yesterday and today instead; {@code -i n} repeats
 * every n seconds until interrupted.
 */
public class ClusterListSubCommand implements SubCommand {
    static final String BASE_ROW = "%-16s  %-22s  %-4s  %-22s %-16s %19s %19s %10s %5s %6s%n";
    static final String MORE_HEADER = "%-16s  %-32s %14s %14s %14s %14s%n";
    static final String MORE_ROW = "%-16s  %-32s %14d %14d %14d %14d%n";

    /** Read for the "#Hour" column; a fixed clock in tests. */
    private final Clock clock;

    public ClusterListSubCommand() {
        this(Clock.systemUTC());
    }

    ClusterListSubCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String commandName() {
        return "clusterList";
    }

    @Override
    public String commandDesc() {
        return "List all of clusters";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        long intervalMillis = OptionValues.longValue(commandLine, 'i', 0) * 1000;
        MQAdminExt admin = context.admin();
        boolean first = true;
        do {
            if (!first) {
                Thread.sleep(intervalMillis);
            }
            first = false;
            if (commandLine.hasOption('m')) {
                printMoreStats(admin, context.out());
            } else {
                printBaseInfo(admin, context.out());
            }
        } while (intervalMillis > 0);
    }

    void printBaseInfo(MQAdminExt admin, PrintStream out) throws Exception {
        ClusterInfo clusterInfo = admin.examineBrokerClusterInfo();
        out.printf(BASE_ROW, "#Cluster Name", "#Broker Name", "#BID", "#Addr", "#Version", "#InTPS(LOAD)",
            "#OutTPS(LOAD)", "#PCWait(ms)", "#Hour", "#SPACE");
        forEachBroker(clusterInfo, out, (cluster, brokerName, brokerId, addr) -> {
            BrokerLoad load = BrokerLoad.fetch(admin, addr, clock);
            out.printf(BASE_ROW, cluster, brokerName, brokerId, addr, load.version(),
                String.format("%9.2f(%s,%sms)", load.inTps(), load.sendQueueSize(), load.sendQueueWaitMillis()),
                String.format("%9.2f(%s,%sms)", load.outTps(), load.pullQueueSize(), load.pullQueueWaitMillis()),
                load.pageCacheLockMillis(), String.format("%2.2f", load.hours()),
                String.format("%.4f", load.diskRatio()));
        });
    }

    void printMoreStats(MQAdminExt admin, PrintStream out) throws Exception {
        ClusterInfo clusterInfo = admin.examineBrokerClusterInfo();
        out.printf(MORE_HEADER, "#Cluster Name", "#Broker Name", "#InTotalYest", "#OutTotalYest", "#InTotalToday",
            "#OutTotalToday");
        forEachBroker(clusterInfo, out, (cluster, brokerName, brokerId, addr) -> {
            BrokerLoad load = BrokerLoad.fetch(admin, addr, clock);
            out.printf(MORE_ROW, cluster, brokerName, load.inTotalYesterday(), load.outTotalYesterday(),
                load.inTotalToday(), load.outTotalToday());
        });
    }

    interface BrokerRow {
        void print(String cluster, String brokerName, long brokerId, String addr);
    }

    /** Clusters, then broker names, then broker ids, all sorted; a blank line between clusters. */
    private static void forEachBroker(ClusterInfo clusterInfo, PrintStream out, BrokerRow row) {
        Map<String, Set<String>> clusters = new TreeMap<>(clusterInfo.getClusterAddrTable());
        Iterator<Map.Entry<String, Set<String>>> it = clusters.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Set<String>> cluster = it.next();
            for (String brokerName : new TreeSet<>(cluster.getValue())) {
                BrokerData brokerData = clusterInfo.getBrokerAddrTable().get(brokerName);
                if (brokerData == null || brokerData.getBrokerAddrs() == null) {
                    continue;
                }
                new TreeMap<>(brokerData.getBrokerAddrs()).forEach((brokerId, addr) ->
                    row.print(cluster.getKey(), brokerName, brokerId, addr));
            }
            if (it.hasNext()) {
                out.printf("%n");
            }
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .flag("m", "moreStats", "Print more stats")
            .value("i", "interval", "specify intervals numbers, it is in seconds")
            .options();
    }
}
