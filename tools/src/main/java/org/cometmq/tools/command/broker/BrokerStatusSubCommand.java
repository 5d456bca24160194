package org.cometmq.tools.command.broker;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.CommandUtil;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code brokerStatus}: a broker's runtime info (GET_BROKER_RUNTIME_INFO), key by key, sorted. */
public class BrokerStatusSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "brokerStatus";
    }

    @Override
    public String commandDesc() {
        return "Fetch broker runtime status data";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        if (commandLine.hasOption('b')) {
            print(admin, OptionValues.string(commandLine, 'b'), false, context.out());
            return;
        }
        for (String addr : CommandUtil.fetchMasterAndSlaveAddrByClusterName(admin,
            OptionValues.string(commandLine, 'c'))) {
            print(admin, addr, true, context.out());
        }
    }

    /** One line per key; with {@code withAddr} each line starts with the broker's address. */
    static void print(MQAdminExt admin, String addr, boolean withAddr, PrintStream out) throws Exception {
        KVTable kvTable = admin.fetchBrokerRuntimeStats(addr);
        for (Map.Entry<String, String> entry : new TreeMap<>(kvTable.getTable()).entrySet()) {
            if (withAddr) {
                out.printf("%-24s %-32s: %s%n", addr, entry.getKey(), entry.getValue());
            } else {
                out.printf("%-32s: %s%n", entry.getKey(), entry.getValue());
            }
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .brokerOrCluster("Broker address", "which cluster")
            .options();
    }
}
