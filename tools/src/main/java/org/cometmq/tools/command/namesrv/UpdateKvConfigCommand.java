package org.cometmq.tools.command.namesrv;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code updateKvConfig}: sets a key of a KV config namespace on every name server. */
public class UpdateKvConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateKvConfig";
    }

    @Override
    public String commandDesc() {
        return "Create or update KV config.";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        context.admin().createAndUpdateKvConfig(OptionValues.string(commandLine, 's'),
            OptionValues.string(commandLine, 'k'), OptionValues.string(commandLine, 'v'));
        context.out().printf("create or update kv config to namespace success.%n");
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("s", "namespace", "set the namespace")
            .required("k", "key", "set the key name")
            .required("v", "value", "set the key value")
            .options();
    }
}
