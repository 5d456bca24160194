package org.cometmq.tools.command.message;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
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
 * {@code printMsgByQueue}: reads one queue between two offsets or times, optionally printing each message and
 * counting messages per tag. Long option names carry 4.9.7's trailing spaces ({@code --brokerName }), so the help
 * looks the same; the short options are what operators type.
 */
public class PrintMessageByQueueCommand implements SubCommand {

    @Override
    public String commandName() {
        return "printMsgByQueue";
    }

    @Override
    public String commandDesc() {
        return "Print Message Detail";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String charsetName = commandLine.hasOption('c') ? OptionValues.string(commandLine, 'c') : "UTF-8";
        if (!Charset.isSupported(charsetName)) {
            throw new SubCommandException("invalid -c '" + charsetName + "': not a charset this JVM knows");
        }
        Reading reading = new Reading(Charset.forName(charsetName), OptionValues.boolValue(commandLine, 'p', false),
            OptionValues.boolValue(commandLine, 'd', false), OptionValues.boolValue(commandLine, 'f', false),
            context.out());
        String subExpression = commandLine.hasOption('s') ? OptionValues.string(commandLine, 's') : "*";
        MessageQueue mq = new MessageQueue(OptionValues.string(commandLine, 't'), OptionValues.string(commandLine, 'a'),
            OptionValues.intValue(commandLine, 'i', 0));
        MQAdminExt admin = context.admin();
        QueuePuller puller = context.puller();
        // reading the topic's queues loads its route, so the offset calls below know the broker's address
        puller.fetchSubscribeMessageQueues(mq.getTopic());
        long from = commandLine.hasOption('b')
            ? admin.searchOffset(mq, OptionValues.timestamp(commandLine, 'b')) : admin.minOffset(mq);
        long to = commandLine.hasOption('e')
            ? admin.searchOffset(mq, OptionValues.timestamp(commandLine, 'e')) : admin.maxOffset(mq);
        for (long offset = from; offset < to; ) {
            PullResult result = puller.pull(mq, subExpression, offset, PrintMessageSubCommand.BATCH);
            offset = result.getNextBeginOffset();
            if (result.getPullStatus() != PullStatus.FOUND) {
                break;
            }
            reading.add(result.getMsgFoundList());
        }
        reading.printTagCounts();
    }

    /** What one run prints and counts while it reads the queue. */
    static final class Reading {
        private final Charset charset;
        private final boolean printMessages;
        private final boolean printBody;
        private final boolean countTags;
        private final PrintStream out;
        private final Map<String, Long> tagCounts = new TreeMap<>();

        Reading(Charset charset, boolean printMessages, boolean printBody, boolean countTags, PrintStream out) {
            this.charset = charset;
            this.printMessages = printMessages;
            this.printBody = printBody;
            this.countTags = countTags;
            this.out = out;
        }

        void add(List<MessageExt> messages) {
            for (MessageExt msg : messages) {
                String tag = msg.getTags();
                if (countTags && tag != null && !tag.isBlank()) {
                    tagCounts.merge(tag, 1L, Long::sum);
                }
            }
            if (printMessages) {
                PrintMessageSubCommand.printMessages(messages, charset, printBody, out);
            }
        }

        /** Most frequent tag first (4.9.7 orders equal counts by hash; here by name). */
        void printTagCounts() {
            if (!countTags) {
                return;
            }
            List<Map.Entry<String, Long>> rows = new ArrayList<>(tagCounts.entrySet());
            rows.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
            for (Map.Entry<String, Long> row : rows) {
                out.printf("Tag: %-30s Count: %s%n", row.getKey(), row.getValue());
            }
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "topic name")
            .required("a", "brokerName ", "broker name")
            .required("i", "queueId ", "queue id")
            .value("c", "charsetName ", "CharsetName(eg: UTF-8,GBK)")
            .value("s", "subExpression ", "Subscribe Expression(eg: TagA || TagB)")
            .value("b", "beginTimestamp ", "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
            .value("e", "endTimestamp ", "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
            .value("p", "print msg", "print msg. eg: true | false(default)")
            .value("d", "printBody ", "print body. eg: true | false(default)")
            .value("f", "calculate", "calculate by tag. eg: true | false(default)")
            .options();
    }
}
