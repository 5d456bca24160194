package org.cometmq.tools.command.consumer;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.MQVersion;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.body.Connection;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code consumerStatus}: asks each online client of a group for its running info (through the broker). Without
 * {@code -i} it saves each client's report to {@code <now millis>/<client id>} under the working directory, lists
 * them, and says whether the clients subscribe alike and which queues look stuck; with {@code -i} it prints that
 * one client's report. {@code -s} adds the client's thread dump.
 */
public class ConsumerStatusSubCommand implements SubCommand {
    private static final String ROW = "%-10s %-40s %-20s %s%n";

    @Override
    public String commandName() {
        return "consumerStatus";
    }

    @Override
    public String commandDesc() {
        return "Query consumer's internal data structure";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        String group = OptionValues.string(commandLine, 'g');
        ConsumerConnection connection = commandLine.hasOption('b')
            ? admin.examineConsumerConnectionInfo(group, OptionValues.string(commandLine, 'b'))
            : admin.examineConsumerConnectionInfo(group);
        boolean jstack = commandLine.hasOption('s');
        PrintStream out = context.out();
        if (commandLine.hasOption('i')) {
            ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, OptionValues.string(commandLine, 'i'),
                jstack);
            if (info != null) {
                out.printf("%s", info.formatString());
            }
            return;
        }
        TreeMap<String, ConsumerRunningInfo> infos = saveReports(admin, group, connection, jstack, out);
        if (!infos.isEmpty()) {
            printAnalysis(infos, out);
        }
    }

    private static TreeMap<String, ConsumerRunningInfo> saveReports(MQAdminExt admin, String group,
        ConsumerConnection connection, boolean jstack, PrintStream out) throws Exception {
        TreeMap<String, ConsumerRunningInfo> infos = new TreeMap<>();
        long now = System.currentTimeMillis();
        int index = 1;
        out.printf(ROW, "#Index", "#ClientId", "#Version", "#ConsumerRunningInfoFile");
        for (Connection client : connection.getConnectionSet()) {
            ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, client.getClientId(), jstack);
            if (info == null) {
                continue;
            }
            infos.put(client.getClientId(), info);
            String file = now + "/" + client.getClientId();
            MixAll.string2FileNotSafe(info.formatString(), file);
            out.printf("%-10d %-40s %-20s %s%n", index++, client.getClientId(),
                MQVersion.getVersionDesc(client.getVersion()), file);
        }
        return infos;
    }

    private static void printAnalysis(TreeMap<String, ConsumerRunningInfo> infos, PrintStream out) {
        if (!ConsumerRunningInfo.analyzeSubscription(infos)) {
            out.printf("%n%nWARN: Different subscription in the same group of consumer!!!");
            out.println();
            return;
        }
        boolean rebalanceOk = ConsumerRunningInfo.analyzeRebalance(infos);
        out.printf("%n%nSame subscription in the same group of consumer");
        out.printf("%n%nRebalance %s%n", rebalanceOk ? "OK" : "Failed");
        for (Map.Entry<String, ConsumerRunningInfo> entry : infos.entrySet()) {
            String stuck = ConsumerRunningInfo.analyzeProcessQueue(entry.getKey(), entry.getValue());
            if (!stuck.isEmpty()) {
                out.printf("%s", stuck);
            }
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("g", "consumerGroup", "consumer group name")
            .value("i", "clientId", "The consumer's client id")
            .value("b", "brokerAddr", "broker address")
            .flag("s", "jstack", "Run jstack command in the consumer progress")
            .options();
    }
}
