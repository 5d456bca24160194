package org.cometmq.tools.command.broker;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * A manual store cleanup on one broker ({@code -b}), on every broker of a cluster ({@code -c}), or on every broker
 * the name servers know (neither). Prints {@code success}, or {@code false} when a broker did not agree, as 4.9.7's
 * tool does (it ends the line, which 4.9.7 leaves open).
 */
abstract class StoreCleanupCommand implements SubCommand {
    private final String name;
    private final String description;
    private final String clusterDesc;

    StoreCleanupCommand(String name, String description, String clusterDesc) {
        this.name = name;
        this.description = description;
        this.clusterDesc = clusterDesc;
    }

    @Override
    public String commandName() {
        return name;
    }

    @Override
    public String commandDesc() {
        return description;
    }

    /** The cleanup on the broker at {@code addr}; true when it agreed. */
    abstract boolean onBroker(MQAdminExt admin, String addr) throws Exception;

    /** The cleanup on the brokers of {@code cluster}, or of every cluster when null; true when they agreed. */
    abstract boolean onCluster(MQAdminExt admin, String cluster) throws Exception;

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        boolean agreed = commandLine.hasOption('b')
            ? onBroker(admin, OptionValues.string(commandLine, 'b'))
            : onCluster(admin, OptionValues.string(commandLine, 'c'));
        context.out().println(agreed ? "success" : "false");
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .value("b", "brokerAddr", "Broker address")
            .value("c", "cluster", clusterDesc)
            .options();
    }
}
