package org.cometmq.tools.command.message;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.admin.impl.QueuePuller;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/**
 * {@code printMsg}: prints every message of a topic, queue by queue, optionally only those matching a tag
 * expression and stored between two points in time.
 */
public class PrintMessageSubCommand implements SubCommand {
    static final int BATCH = 32;

    @Override
    public String commandName() {
        return "printMsg";
    }

    @Override
    public String commandDesc() {
        return "Print Message Detail";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String topic = OptionValues.string(commandLine, 't');
        String charsetName = commandLine.hasOption('c') ? OptionValues.string(commandLine, 'c') : "UTF-8";
        if (!Charset.isSupported(charsetName)) {
            throw new SubCommandException("invalid -c '" + charsetName + "': not a charset this JVM knows");
        }
        String subExpression = commandLine.hasOption('s') ? OptionValues.string(commandLine, 's') : "*";
        boolean printBody = OptionValues.boolValue(commandLine, 'd', true);
        MQAdminExt admin = context.admin();
        QueuePuller puller = context.puller();
        List<MessageQueue> queues = new ArrayList<>(puller.fetchSubscribeMessageQueues(topic));
        Collections.sort(queues);
        PrintStream out = context.out();
        for (MessageQueue mq : queues) {
            long minOffset = commandLine.hasOption('b')
                ? admin.searchOffset(mq, OptionValues.timestamp(commandLine, 'b')) : admin.minOffset(mq);
            long maxOffset = commandLine.hasOption('e')
                ? admin.searchOffset(mq, OptionValues.timestamp(commandLine, 'e')) : admin.maxOffset(mq);
            out.printf("minOffset=%s, maxOffset=%s, %s%n", minOffset, maxOffset, mq);
            printQueue(puller, mq, subExpression, minOffset, maxOffset, Charset.forName(charsetName), printBody, out);
            out.printf("--------------------------------------------------------%n");
        }
    }

    private static void printQueue(QueuePuller puller, MessageQueue mq, String subExpression, long from, long to,
        Charset charset, boolean printBody, PrintStream out) throws Exception {
        long offset = from;
        while (offset < to) {
            PullResult result = puller.pull(mq, subExpression, offset, BATCH);
            offset = result.getNextBeginOffset();
            switch (result.getPullStatus()) {
                case FOUND -> printMessages(result.getMsgFoundList(), charset, printBody, out);
                case NO_MATCHED_MSG -> out.printf("%s no matched msg. status=%s, offset=%s%n", mq,
                    result.getPullStatus(), offset);
                default -> {
                    out.printf("%s print msg finished. status=%s, offset=%s%n", mq, result.getPullStatus(), offset);
                    return;
                }
            }
        }
    }

    static void printMessages(List<MessageExt> messages, Charset charset, boolean printBody, PrintStream out) {
        for (MessageExt msg : messages) {
            String body = printBody ? new String(msg.getBody(), charset) : "NOT PRINT BODY";
            out.printf("MSGID: %s %s BODY: %s%n", msg.getMsgId(), msg, body);
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "topic name")
            .value("c", "charsetName", "CharsetName(eg: UTF-8,GBK)")
            .value("s", "subExpression", "Subscribe Expression(eg: TagA || TagB)")
            .value("b", "beginTimestamp", "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
            .value("e", "endTimestamp", "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
            .value("d", "printBody", "print body")
            .options();
    }
}
