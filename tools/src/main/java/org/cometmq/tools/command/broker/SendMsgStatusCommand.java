package org.cometmq.tools.command.broker;

import java.nio.charset.StandardCharsets;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.producer.MQProducer;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.message.Message;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/**
 * {@code sendMsgStatus}: sends messages to the topic every broker serves under its own name and prints each send's
 * round trip and result, to see how a broker answers right now. One small send first warms up the route.
 */
public class SendMsgStatusCommand implements SubCommand {
    static final String FILLER = "hello jodie";
    static final int DEFAULT_SIZE = 128;
    static final int DEFAULT_COUNT = 50;

    @Override
    public String commandName() {
        return "sendMsgStatus";
    }

    @Override
    public String commandDesc() {
        return "send msg to broker.";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String brokerName = OptionValues.string(commandLine, 'b');
        int size = OptionValues.intValue(commandLine, 's', DEFAULT_SIZE);
        int count = OptionValues.intValue(commandLine, 'c', DEFAULT_COUNT);
        if (size < 0 || count < 0) {
            throw new SubCommandException("-s and -c must not be negative");
        }
        MQProducer producer = context.producer();
        producer.send(message(brokerName, 16));
        for (int i = 0; i < count; i++) {
            long begin = System.currentTimeMillis();
            SendResult result = producer.send(message(brokerName, size));
            context.out().printf("rt=%sms, SendResult=%s%n", System.currentTimeMillis() - begin, result);
        }
    }

    /** A body of "hello jodie" repeated until it is at least {@code size} bytes long, as 4.9.7 builds it. */
    static Message message(String topic, int size) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < size; i += FILLER.length()) {
            body.append(FILLER);
        }
        Message message = new Message();
        message.setTopic(topic);
        message.setBody(body.toString().getBytes(StandardCharsets.UTF_8));
        return message;
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("b", "brokerName", "Broker Name")
            .value("s", "messageSize", "Message Size, Default: 128")
            .value("c", "count", "send message count, Default: 50")
            .options();
    }
}
