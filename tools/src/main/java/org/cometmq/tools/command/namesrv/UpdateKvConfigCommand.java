package org.cometmq.tools.command.namesrv;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.cometmq.tools.command.CommandContext;
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
    public Options buildCommandlineOptions(Options options) {
        options.addOption(required(new Option("s", "namespace", true, "set the namespace")));
        options.addOption(required(new Option("k", "key", true, "set the key name")));
        options.addOption(required(new Option("v", "value", true, "set the key value")));
        return options;
    }

    static Option required(Option option) {
        option.setRequired(true);
        return option;
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        context.admin().createAndUpdateKvConfig(OptionValues.string(commandLine, 's'),
            OptionValues.string(commandLine, 'k'), OptionValues.string(commandLine, 'v'));
        context.out().printf("create or update kv config to namespace success.%n");
    }
}
