package org.cometmq.tools.command.message;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.producer.MQProducer;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code checkMsgSendRT}: sends {@code -a} messages of {@code -s} bytes to {@code -t}, message i to queue
 * i mod queues, prints each send (broker, queue, whether it succeeded, milliseconds) and the average time of all
 * sends but the first (which pays for the route lookup and connection), as 4.9.7 does.
 */
public class CheckMsgSendRTCommand implements SubCommand {
    private static final String ROW = "%-32s  %-4s  %-20s    %s%n";

    @Override
    public String commandName() {
        return "checkMsgSendRT";
    }

    @Override
    public String commandDesc() {
        return "check message send response time";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String topic = OptionValues.string(commandLine, 't');
        long amount = OptionValues.longValue(commandLine, 'a', 100);
        long size = OptionValues.longValue(commandLine, 's', 128);
        Message message = new Message(topic, body(size));
        PrintStream out = context.out();
        MQProducer producer = context.producer();
        out.printf(ROW, "#Broker Name", "#QID", "#Send Result", "#RT");
        long timeElapsed = 0;
        for (int i = 0; i < amount; i++) {
            MessageQueue[] chosen = new MessageQueue[1];
            long start = System.currentTimeMillis();
            boolean sent;
            try {
                producer.send(message, (queues, msg, arg) -> {
                    chosen[0] = queues.get((Integer) arg % queues.size());
                    return chosen[0];
                }, i);
                sent = true;
            } catch (Exception e) {
                sent = false;
            }
            long rt = System.currentTimeMillis() - start;
            if (i != 0) {
                timeElapsed += rt;
            }
            out.printf(ROW, chosen[0] == null ? "" : chosen[0].getBrokerName(),
                chosen[0] == null ? 0 : chosen[0].getQueueId(), sent, rt);
        }
        out.printf("Avg RT: %s%n", String.format("%.2f", (double) timeElapsed / (amount - 1)));
    }

    /** {@code size} letters 'a', the body 4.9.7 sends. */
    public static byte[] body(long size) {
        return "a".repeat((int) Math.min(size, Integer.MAX_VALUE)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "topic name")
            .value("a", "amount", "message amount | default 100")
            .value("s", "size", "message size | default 128 Byte")
            .options();
    }
}
