package org.cometmq.tools.command.message;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.producer.MQProducer;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/**
 * {@code sendMessage}: sends one message with a UTF-8 body, to any queue, to a broker ({@code -b}) or to one
 * queue of a broker ({@code -b} and {@code -i}), and prints where it went.
 */
public class SendMessageCommand implements SubCommand {
    static final String ROW = "%-32s  %-4s  %-20s    %s%n";

    @Override
    public String commandName() {
        return "sendMessage";
    }

    @Override
    public String commandDesc() {
        return "Send a message";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        if (commandLine.hasOption('i') && !commandLine.hasOption('b')) {
            throw new SubCommandException("Broker name must be set if the queue is chosen! (add -b)");
        }
        String topic = OptionValues.string(commandLine, 't');
        Message msg = new Message(topic, OptionValues.string(commandLine, 'c'), OptionValues.string(commandLine, 'k'),
            commandLine.getOptionValue('p').getBytes(StandardCharsets.UTF_8));
        MQProducer producer = context.producer(OptionValues.boolValue(commandLine, 'm', false), null);
        SendResult result;
        if (commandLine.hasOption('b')) {
            result = producer.send(msg, targetQueue(producer, topic, OptionValues.string(commandLine, 'b'),
                commandLine.hasOption('i') ? OptionValues.intValue(commandLine, 'i', 0) : null));
        } else {
            result = producer.send(msg);
        }
        context.out().printf(ROW, "#Broker Name", "#QID", "#Send Result", "#MsgId");
        context.out().printf(ROW, result.getMessageQueue().getBrokerName(), result.getMessageQueue().getQueueId(),
            result.getSendStatus(), result.getMsgId());
    }

    /** The chosen queue of {@code brokerName}, or its first writable queue when none is chosen. */
    static MessageQueue targetQueue(MQProducer producer, String topic, String brokerName, Integer queueId)
        throws Exception {
        if (queueId != null) {
            return new MessageQueue(topic, brokerName, queueId);
        }
        List<MessageQueue> queues = producer.fetchPublishMessageQueues(topic);
        for (MessageQueue mq : queues) {
            if (mq.getBrokerName().equals(brokerName)) {
                return mq;
            }
        }
        throw new SubCommandException("broker '" + brokerName + "' has no writable queue of topic '" + topic
            + "' (try mqadmin topicRoute -t " + topic + ")");
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "Topic name")
            .required("p", "body", "UTF-8 string format of the message body")
            .value("k", "key", "Message keys")
            .value("c", "tags", "Message tags")
            .value("b", "broker", "Send message to target broker")
            .value("i", "qid", "Send message to target queue")
            .value("m", "msgTraceEnable", "Message Trace Enable, Default: false")
            .options();
    }
}
