package org.cometmq.tools.command.message;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.admin.impl.QueuePuller;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/**
 * {@code consumeMessage}: reads and prints up to {@code -c} messages (default 128) of a topic without committing
 * an offset, pulling as group {@code -g} (default TOOLS_CONSUMER). Without {@code -i} it reads the topic's queues
 * in the order 4.9.7 does (its hash set's), each from its first offset or the one stored at {@code -s} to its end
 * or {@code -e}; with {@code -b -i} one queue, from {@code -o} on. It prints 4.9.7's lines in 4.9.7's order:
 * "Consume ok" before each batch a pull returned, a line when the count cuts a queue short, and a line when a
 * queue has nothing more. {@code -b} without {@code -i} selects nothing, as in 4.9.7.
 */
public class ConsumeMessageCommand implements SubCommand {
    static final long DEFAULT_COUNT = 128;

    @Override
    public String commandName() {
        return "consumeMessage";
    }

    @Override
    public String commandDesc() {
        return "Consume message";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        Request request = Request.of(commandLine, System.currentTimeMillis());
        QueuePuller puller = request.group == null ? context.puller() : context.puller().asGroup(request.group);
        Reader reader = new Reader(context.admin(), puller, context.out());
        if (request.queueId == null) {
            reader.readTopic(request);
        } else {
            reader.readQueue(request);
        }
    }

    /** Reads and prints for one run. */
    private record Reader(MQAdminExt admin, QueuePuller puller, PrintStream out) {

        void readTopic(Request request) throws Exception {
            long left = request.count;
            for (MessageQueue mq : puller.fetchSubscribeMessageQueues(request.topic)) {
                if (left == 0) {
                    return;
                }
                long min = request.begin == null ? admin.minOffset(mq) : admin.searchOffset(mq, request.begin);
                long max = request.end == null ? admin.maxOffset(mq) : admin.searchOffset(mq, request.end);
                if (max - min > left) {
                    out.printf("The older %d message of the %d queue will be provided%n", left, mq.getQueueId());
                    max = min + left - 1;
                    left = 0;
                } else {
                    // 4.9.7 counts one more than the queue held (its range end is inclusive); kept, so that both
                    // tools stop at the same queue and print the same lines
                    left = left - (max - min) - 1;
                }
                print(mq, min, max);
            }
        }

        void readQueue(Request request) throws Exception {
            MessageQueue mq = new MessageQueue(request.topic, request.brokerName, request.queueId);
            // reading the topic's queues loads its route, so the offset calls below know the broker's address
            puller.fetchSubscribeMessageQueues(request.topic);
            long min = request.begin == null ? admin.minOffset(mq) : admin.searchOffset(mq, request.begin);
            long max = request.end == null ? admin.maxOffset(mq) : admin.searchOffset(mq, request.end);
            if (request.offset > max) {
                out.printf("%s no matched msg, offset=%s%n", mq, request.offset);
                return;
            }
            min = Math.max(min, request.offset);
            if (max - min > request.count) {
                out.printf("The oldler %d message will be provided%n", request.count);
                max = min + request.count - 1;
            }
            print(mq, min, max);
        }

        /** Pulls {@code mq} from {@code min} through {@code max} (or its end), printing each batch. */
        private void print(MessageQueue mq, long min, long max) throws Exception {
            long offset = min;
            while (offset <= max) {
                PullResult result = puller.pull(mq, "*", offset, (int) Math.min(Integer.MAX_VALUE, max - offset + 1));
                long next = result.getNextBeginOffset();
                switch (result.getPullStatus()) {
                    case FOUND -> {
                        out.printf("Consume ok%n");
                        PrintMessageSubCommand.printMessages(result.getMsgFoundList(), StandardCharsets.UTF_8, true,
                            out);
                    }
                    case NO_MATCHED_MSG -> out.printf("%s no matched msg. status=%s, offset=%s%n", mq,
                        result.getPullStatus(), next);
                    default -> {
                        out.printf("%s print msg finished. status=%s, offset=%s%n", mq, result.getPullStatus(), next);
                        return;
                    }
                }
                if (next <= offset) {
                    return;
                }
                offset = next;
            }
        }
    }

    /** The validated options. */
    static final class Request {
        String topic;
        String brokerName;
        String group;
        Integer queueId;
        long offset;
        Long begin;
        Long end;
        long count;

        static Request of(CommandLine commandLine, long now) throws SubCommandException {
            Request request = new Request();
            request.topic = OptionValues.string(commandLine, 't');
            request.brokerName = OptionValues.string(commandLine, 'b');
            request.group = OptionValues.string(commandLine, 'g');
            request.count = OptionValues.longValue(commandLine, 'c', DEFAULT_COUNT);
            if (request.count <= 0) {
                throw new SubCommandException("Please input a positive messageNumber! (-c " + request.count + ")");
            }
            if (commandLine.hasOption('i')) {
                if (request.brokerName == null) {
                    throw new SubCommandException("Please set the brokerName before queueId! (add -b)");
                }
                request.queueId = OptionValues.intValue(commandLine, 'i', 0);
            }
            if (commandLine.hasOption('o')) {
                if (request.queueId == null) {
                    throw new SubCommandException("Please set queueId before offset! (add -b and -i)");
                }
                request.offset = OptionValues.longValue(commandLine, 'o', 0);
            }
            request.begin = commandLine.hasOption('s') ? OptionValues.timestamp(commandLine, 's') : null;
            if (request.begin != null && request.begin > now) {
                throw new SubCommandException("Please set the beginTimestamp before now!");
            }
            request.end = commandLine.hasOption('e') ? OptionValues.timestamp(commandLine, 'e') : null;
            if (request.end != null && request.end > now) {
                throw new SubCommandException("Please set the endTimestamp before now!");
            }
            if (request.begin != null && request.end != null && request.begin > request.end) {
                throw new SubCommandException("Please make sure that the beginTimestamp is less than or equal to the"
                    + " endTimestamp");
            }
            return request;
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "Topic name")
            .value("b", "brokerName", "Broker name")
            .value("i", "queueId", "Queue Id")
            .value("o", "offset", "Queue offset")
            .value("g", "consumerGroup", "Consumer group name")
            .value("s", "beginTimestamp", "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
            .value("e", "endTimestamp", "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
            .value("c", "MessageNumber", "Number of message to be consumed")
            .options();
    }
}
