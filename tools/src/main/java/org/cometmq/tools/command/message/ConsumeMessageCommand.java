package org.cometmq.tools.command.message;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.admin.impl.QueuePuller;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/**
 * {@code consumeMessage}: reads and prints up to {@code -c} messages (default 128) of a topic, oldest first:
 * from every queue, the queues of one broker ({@code -b}), or one queue ({@code -b -i}), starting at an offset
 * ({@code -o}) or at a store time ({@code -s}) and stopping at {@code -e}. No offset is committed.
 */
public class ConsumeMessageCommand implements SubCommand {
    static final int DEFAULT_COUNT = 128;

    @Override
    public String commandName() {
        return "consumeMessage";
    }

    @Override
    public String commandDesc() {
        return "Consume message";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Option topic = new Option("t", "topic", true, "Topic name");
        topic.setRequired(true);
        options.addOption(topic);
        options.addOption(new Option("b", "brokerName", true, "Broker name"));
        options.addOption(new Option("i", "queueId", true, "Queue Id"));
        options.addOption(new Option("o", "offset", true, "Queue offset"));
        options.addOption(new Option("s", "beginTimestamp", true,
            "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]"));
        options.addOption(new Option("e", "endTimestamp", true,
            "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]"));
        options.addOption(new Option("c", "MessageNumber", true, "Number of message to be consumed"));
        return options;
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        Request request = Request.of(commandLine);
        MQAdminExt admin = context.admin();
        QueuePuller puller = context.puller();
        int left = request.count;
        for (MessageQueue mq : queuesOf(puller, request)) {
            if (left <= 0) {
                break;
            }
            long from = request.offset != null ? request.offset
                : request.begin != null ? admin.searchOffset(mq, request.begin) : admin.minOffset(mq);
            left -= readQueue(puller, mq, from, admin.maxOffset(mq), request, left, context.out());
        }
        context.out().printf("Consume ok%n");
    }

    private static List<MessageQueue> queuesOf(QueuePuller puller, Request request) throws Exception {
        if (request.queueId != null) {
            return List.of(new MessageQueue(request.topic, request.brokerName, request.queueId));
        }
        List<MessageQueue> queues = new ArrayList<>();
        for (MessageQueue mq : puller.fetchSubscribeMessageQueues(request.topic)) {
            if (request.brokerName == null || request.brokerName.equals(mq.getBrokerName())) {
                queues.add(mq);
            }
        }
        if (queues.isEmpty()) {
            throw new SubCommandException("broker '" + request.brokerName + "' has no queue of topic '"
                + request.topic + "' (try mqadmin topicRoute -t " + request.topic + ")");
        }
        Collections.sort(queues);
        return queues;
    }

    /** Prints messages of {@code mq} from {@code from} until {@code to}, the end time or {@code limit}; the count. */
    private static int readQueue(QueuePuller puller, MessageQueue mq, long from, long to, Request request, int limit,
        PrintStream out) throws Exception {
        int printed = 0;
        long offset = from;
        while (offset < to && printed < limit) {
            PullResult result = puller.pull(mq, "*", offset, Math.min(PrintMessageSubCommand.BATCH, limit - printed));
            if (result.getPullStatus() != PullStatus.FOUND && result.getPullStatus() != PullStatus.NO_MATCHED_MSG) {
                break;
            }
            offset = result.getNextBeginOffset();
            List<MessageExt> batch = new ArrayList<>();
            for (MessageExt msg : result.getPullStatus() == PullStatus.FOUND ? result.getMsgFoundList()
                : List.<MessageExt>of()) {
                if (request.end != null && msg.getStoreTimestamp() > request.end) {
                    PrintMessageSubCommand.printMessages(batch, StandardCharsets.UTF_8, true, out);
                    return printed + batch.size();
                }
                batch.add(msg);
            }
            PrintMessageSubCommand.printMessages(batch, StandardCharsets.UTF_8, true, out);
            printed += batch.size();
        }
        return printed;
    }

    /** The validated options. */
    static final class Request {
        String topic;
        String brokerName;
        Integer queueId;
        Long offset;
        Long begin;
        Long end;
        int count;

        static Request of(CommandLine commandLine) throws SubCommandException {
            Request request = new Request();
            request.topic = OptionValues.string(commandLine, 't');
            request.brokerName = OptionValues.string(commandLine, 'b');
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
            request.count = OptionValues.intValue(commandLine, 'c', DEFAULT_COUNT);
            if (request.count <= 0) {
                throw new SubCommandException("Please input a positive messageNumber! (-c " + request.count + ")");
            }
            request.begin = commandLine.hasOption('s') ? OptionValues.timestamp(commandLine, 's') : null;
            request.end = commandLine.hasOption('e') ? OptionValues.timestamp(commandLine, 'e') : null;
            if (request.begin != null && request.end != null && request.begin > request.end) {
                throw new SubCommandException("Please make sure that the beginTimestamp is less than or equal to the"
                    + " endTimestamp");
            }
            return request;
        }
    }
}
