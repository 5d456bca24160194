package org.cometmq.tools.command.namesrv;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.SubCommand;

/** {@code getNamesrvConfig}: the effective config of every name server given with {@code -n}, sorted by key. */
public class GetNamesrvConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "getNamesrvConfig";
    }

    @Override
    public String commandDesc() {
        return "Get configs of name server.";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        Map<String, Properties> configs = context.admin().getNameServerConfig(null);
        for (Map.Entry<String, Properties> server : configs.entrySet()) {
            context.out().printf("============%s============%n", server.getKey());
            for (Map.Entry<Object, Object> entry : new TreeMap<>(server.getValue()).entrySet()) {
                context.out().printf("%-50s=  %s%n", entry.getKey(), entry.getValue());
            }
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return options;
    }
}
