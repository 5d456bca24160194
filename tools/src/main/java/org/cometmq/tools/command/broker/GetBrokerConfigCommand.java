package org.cometmq.tools.command.broker;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.CommandUtil;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code getBrokerConfig}: a broker's effective config, key by key (sorted), or that of every broker of a cluster. */
public class GetBrokerConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "getBrokerConfig";
    }

    @Override
    public String commandDesc() {
        return "Get broker config by cluster or special broker!";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        PrintStream out = context.out();
        if (commandLine.hasOption('b')) {
            String addr = OptionValues.string(commandLine, 'b');
            print(admin, String.format("============%s============%n", addr), addr, out);
            return;
        }
        Map<String, List<String>> masterToSlaves = CommandUtil.fetchMasterAndSlaveDistinguish(admin,
            OptionValues.string(commandLine, 'c'));
        for (Map.Entry<String, List<String>> entry : masterToSlaves.entrySet()) {
            String master = entry.getKey();
            print(admin, String.format("============Master: %s============%n", master), master, out);
            for (String slave : entry.getValue()) {
                print(admin, String.format("============My Master: %s=====Slave: %s============%n", master,
                    slave), slave, out);
            }
        }
    }

    static void print(MQAdminExt admin, String title, String addr, PrintStream out) throws Exception {
        out.print(title);
        Properties properties = admin.getBrokerConfig(addr);
        if (properties == null) {
            out.printf("Broker[%s] has no config property!%n", addr);
            return;
        }
        for (Map.Entry<Object, Object> entry : new TreeMap<>(properties).entrySet()) {
            out.printf("%-50s=  %s%n", entry.getKey(), entry.getValue());
        }
        out.printf("%n");
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .brokerOrCluster("get which broker", "get which cluster")
            .options();
    }
}
