package org.cometmq.tools.command.connection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.MQVersion;
import org.cometmq.common.protocol.body.Connection;
import org.cometmq.common.protocol.body.ProducerConnection;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code producerConnection}: the producers of a group connected to the brokers of a topic. */
public class ProducerConnectionSubCommand implements SubCommand {
    static final String ROW = "%04d  %-32s %-22s %-8s %s%n";

    @Override
    public String commandName() {
        return "producerConnection";
    }

    @Override
    public String commandDesc() {
        return "Query producer's socket connection and client version";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        ProducerConnection connection = context.admin().examineProducerConnectionInfo(
            OptionValues.string(commandLine, 'g'), OptionValues.string(commandLine, 't'));
        List<Connection> clients = new ArrayList<>(connection.getConnectionSet());
        clients.sort(Comparator.comparing(Connection::getClientId).thenComparing(Connection::getClientAddr));
        int index = 1;
        for (Connection client : clients) {
            context.out().printf(ROW, index++, client.getClientId(), client.getClientAddr(), client.getLanguage(),
                MQVersion.getVersionDesc(client.getVersion()));
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("g", "producerGroup", "producer group name")
            .required("t", "topic", "topic name")
            .options();
    }
}
