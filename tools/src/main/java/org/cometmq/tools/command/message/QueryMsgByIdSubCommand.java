package org.cometmq.tools.command.message;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.body.ConsumeMessageDirectlyResult;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/**
 * {@code queryMsgById}: looks messages up by id (comma-separated) and prints them. An offset id is read from
 * its broker directly; with {@code -t topic} a client id (UNIQ_KEY) is accepted as well. With {@code -g} and
 * {@code -d} the client {@code -d} of group {@code -g} consumes the message again; with {@code -s true} it is
 * sent again to its topic.
 */
public class QueryMsgByIdSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryMsgById";
    }

    @Override
    public String commandDesc() {
        return "Query Message by Id";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        String topic = OptionValues.string(commandLine, 't');
        boolean resend = OptionValues.boolValue(commandLine, 's', false);
        if (commandLine.hasOption('g') != commandLine.hasOption('d')) {
            throw new SubCommandException("-g and -d go together: the group and the client id to consume with");
        }
        MessagePrinter printer = new MessagePrinter(context.out(), MessagePrinter.defaultBodyDir());
        for (String id : OptionValues.string(commandLine, 'i').split(",")) {
            String msgId = id.trim();
            if (msgId.isEmpty()) {
                continue;
            }
            if (commandLine.hasOption('g')) {
                ConsumeMessageDirectlyResult result = consumeDirectly(admin, OptionValues.string(commandLine, 'g'),
                    OptionValues.string(commandLine, 'd'), topic, msgId);
                context.out().printf("%s%n", result);
            } else if (resend) {
                MessageExt msg = view(admin, topic, msgId);
                context.out().printf("prepare resend msg. originalMsgId=%s%n", msgId);
                Message copy = new Message(msg.getTopic(), msg.getTags(), msg.getKeys(), msg.getBody());
                SendResult result = context.producer(false, OptionValues.string(commandLine, 'u')).send(copy);
                context.out().printf("%s%n", result);
            } else {
                MessageExt msg = view(admin, topic, msgId);
                printer.print(msg, true);
                printer.printTracks(admin, msg);
            }
        }
    }

    private static MessageExt view(MQAdminExt admin, String topic, String msgId) throws Exception {
        return topic == null ? admin.viewMessage(msgId) : admin.viewMessage(topic, msgId);
    }

    private static ConsumeMessageDirectlyResult consumeDirectly(MQAdminExt admin, String group, String clientId,
        String topic, String msgId) throws Exception {
        return topic == null ? admin.consumeMessageDirectly(group, clientId, msgId)
            : admin.consumeMessageDirectly(group, clientId, topic, msgId);
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("i", "msgId", "Message Id")
            .value("t", "topic", "topic of the message (lets -i be a client message id)")
            .value("g", "consumerGroup", "consumer group name")
            .value("d", "clientId", "The consumer's client id")
            .value("s", "sendMessage", "resend message")
            .value("u", "unitName", "unit name")
            .options();
    }
}
