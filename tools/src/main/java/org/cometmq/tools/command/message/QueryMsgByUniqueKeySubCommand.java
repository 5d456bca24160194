package org.cometmq.tools.command.message;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.QueryResult;
import org.cometmq.common.message.MessageExt;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code queryMsgByUniqueKey}: finds a message by the client id the producer gave it (SendResult.msgId); with
 * {@code -g} and {@code -d} has that client consume it again.
 */
public class QueryMsgByUniqueKeySubCommand implements SubCommand {
    private static final int MAX_SHOWN = 32;

    @Override
    public String commandName() {
        return "queryMsgByUniqueKey";
    }

    @Override
    public String commandDesc() {
        return "Query Message by Unique key";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        String msgId = OptionValues.string(commandLine, 'i');
        String topic = OptionValues.string(commandLine, 't');
        if (commandLine.hasOption('g') && commandLine.hasOption('d')) {
            context.out().printf("%s%n", admin.consumeMessageDirectly(OptionValues.string(commandLine, 'g'),
                OptionValues.string(commandLine, 'd'), topic, msgId));
            return;
        }
        MessagePrinter printer = new MessagePrinter(context.out(), MessagePrinter.defaultBodyDir());
        if (commandLine.hasOption('a')) {
            QueryResult result = admin.queryMessageByUniqKey(topic, msgId, MAX_SHOWN, 0, Long.MAX_VALUE);
            for (MessageExt msg : result.getMessageList()) {
                printer.print(msg, false);
                printer.printTracks(admin, msg);
                context.out().printf("%n");
            }
            return;
        }
        MessageExt msg = admin.viewMessage(topic, msgId);
        printer.print(msg, false);
        printer.printTracks(admin, msg);
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("i", "msgId", "Message Id")
            .required("t", "topic", "The topic of msg")
            .value("g", "consumerGroup", "consumer group name")
            .value("d", "clientId", "The consumer's client id")
            .flag("a", "showAll", "Print all message, the limit is 32")
            .options();
    }
}
