package org.cometmq.tools.command.namesrv;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
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
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        context.admin().deleteKvConfig(OptionValues.string(commandLine, 's'), OptionValues.string(commandLine, 'k'));
        context.out().printf("delete kv config from namespace success.%n");
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("s", "namespace", "set the namespace")
            .required("k", "key", "set the key name")
            .options();
    }
}
