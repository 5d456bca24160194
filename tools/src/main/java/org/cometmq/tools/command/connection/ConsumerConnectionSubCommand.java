package org.cometmq.tools.command.connection;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.MQVersion;
import org.cometmq.common.protocol.body.Connection;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code consumerConnection}: the group's connected clients, its subscriptions and consume settings. */
public class ConsumerConnectionSubCommand implements SubCommand {
    static final String CLIENT_ROW = "%-36s %-22s %-10s %s%n";
    static final String SUBSCRIPTION_ROW = "%-20s %s%n";

    @Override
    public String commandName() {
        return "consumerConnection";
    }

    @Override
    public String commandDesc() {
        return "Query consumer's socket connection, client version and subscription";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        String group = OptionValues.string(commandLine, 'g');
        ConsumerConnection connection = commandLine.hasOption('b')
            ? admin.examineConsumerConnectionInfo(group, OptionValues.string(commandLine, 'b'))
            : admin.examineConsumerConnectionInfo(group);
        print(connection, context.out());
    }

    static void print(ConsumerConnection connection, PrintStream out) {
        out.printf(CLIENT_ROW, "#ClientId", "#ClientAddr", "#Language", "#Version");
        List<Connection> clients = new ArrayList<>(connection.getConnectionSet());
        clients.sort(Comparator.comparing(Connection::getClientId));
        for (Connection client : clients) {
            out.printf(CLIENT_ROW, client.getClientId(), client.getClientAddr(), client.getLanguage(),
                MQVersion.getVersionDesc(client.getVersion()));
        }
        out.printf("%nBelow is subscription:%n");
        out.printf(SUBSCRIPTION_ROW, "#Topic", "#SubExpression");
        for (Map.Entry<String, SubscriptionData> entry : new TreeMap<>(connection.getSubscriptionTable()).entrySet()) {
            out.printf(SUBSCRIPTION_ROW, entry.getValue().getTopic(), entry.getValue().getSubString());
        }
        out.printf("%n");
        out.printf("ConsumeType: %s%n", connection.getConsumeType());
        out.printf("MessageModel: %s%n", connection.getMessageModel());
        out.printf("ConsumeFromWhere: %s%n", connection.getConsumeFromWhere());
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("g", "consumerGroup", "consumer group name")
            .value("b", "brokerAddr", "broker address")
            .options();
    }
}
