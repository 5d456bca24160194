package org.cometmq.tools.command.namesrv;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code deleteKvConfig}: removes a key of a KV config namespace from every name server. */
public class DeleteKvConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "deleteKvConfig";
    }

    @Override
    public String commandDesc() {
        return "Delete KV config.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        options.addOption(UpdateKvConfigCommand.required(new Option("s", "namespace", true, "set the namespace")));
        options.addOption(UpdateKvConfigCommand.required(new Option("k", "key", true, "set the key name")));
        return options;
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        context.admin().deleteKvConfig(OptionValues.string(commandLine, 's'), OptionValues.string(commandLine, 'k'));
        context.out().printf("delete kv config from namespace success.%n");
    }
}
