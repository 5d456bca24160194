package org.cometmq.tools.command.namesrv;

import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code updateNamesrvConfig}: sets one config key on every name server given with {@code -n}. */
public class UpdateNamesrvConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateNamesrvConfig";
    }

    @Override
    public String commandDesc() {
        return "Update configs of name server.";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String key = OptionValues.string(commandLine, 'k');
        String value = OptionValues.string(commandLine, 'v');
        Properties properties = new Properties();
        properties.setProperty(key, value);
        MQAdminExt admin = context.admin();
        admin.updateNameServerConfig(properties, null);
        context.out().printf("update name server config success!%s%n%s : %s%n", admin.getNameServerAddressList(),
            key, value);
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("k", "key", "config key")
            .required("v", "value", "config value")
            .options();
    }
}
