package org.cometmq.tools.command.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/**
 * {@code exportMetrics}: writes {@code <-f>/metrics.json} with, per broker name of the cluster ({@code -c}), what
 * its master reports (machine, disk ratios, current TPS, messages of the last day, topic and group counts, the
 * client versions of its consumers' connections) under {@code evaluateReport}, and the cluster's TPS and day
 * totals under {@code totalData}, as 4.9.7 does.
 */
public class ExportMetricsCommand implements SubCommand {

    @Override
    public String commandName() {
        return "exportMetrics";
    }

    @Override
    public String commandDesc() {
        return "export metrics";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        String clusterName = OptionValues.string(commandLine, 'c');
        String filePath = ExportMetadataCommand.filePath(commandLine);
        ClusterInfo clusterInfo = admin.examineBrokerClusterInfo();
        Set<String> brokerNames = clusterInfo.getClusterAddrTable() == null ? null
            : clusterInfo.getClusterAddrTable().get(clusterName);
        if (brokerNames == null) {
            throw new SubCommandException("no cluster '" + clusterName + "' is registered with the name server"
                + " (try mqadmin clusterList)");
        }
        ClusterMetrics totals = new ClusterMetrics();
        Map<String, Object> evaluateReport = new LinkedHashMap<>();
        for (String brokerName : brokerNames) {
            BrokerData brokerData = clusterInfo.getBrokerAddrTable().get(brokerName);
            String master = brokerData == null ? null : brokerData.getBrokerAddrs().get(MixAll.MASTER_ID);
            if (master != null) {
                evaluateReport.put(brokerName, BrokerMetrics.of(admin, master, totals).report());
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("evaluateReport", evaluateReport);
        result.put("totalData", totals.report());
        String file = filePath + "/metrics.json";
        MixAll.string2FileNotSafe(RemotingSerializable.toJson(result, true), file);
        context.out().printf("export %s success%n", file);
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return ExportMetadataCommand.clusterOptions(options, "metrics.json");
    }
}
