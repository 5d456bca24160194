package org.cometmq.tools.command.queue;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.body.ConsumeQueueData;
import org.cometmq.common.protocol.body.QueryConsumeQueueResponseBody;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/**
 * {@code queryCq}: entries of one consume queue from an index (QUERY_CONSUME_QUEUE): where each message is in the
 * commit log, its size and tag hash, and with {@code -g} the group's subscription and whether each entry matches it.
 */
public class QueryConsumeQueueCommand implements SubCommand {
    static final String SEPARATOR = "======================================\n";
    static final int DEFAULT_COUNT = 10;

    @Override
    public String commandName() {
        return "queryCq";
    }

    @Override
    public String commandDesc() {
        return "Query cq command.";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String topic = OptionValues.string(commandLine, 't');
        int queueId = OptionValues.intValue(commandLine, 'q', 0);
        long index = OptionValues.longValue(commandLine, 'i', 0);
        int count = OptionValues.intValue(commandLine, 'c', DEFAULT_COUNT);
        String broker = OptionValues.string(commandLine, 'b');
        MQAdminExt admin = context.admin();
        if (broker == null || broker.isEmpty()) {
            broker = masterOfFirstBroker(admin, topic);
        }
        QueryConsumeQueueResponseBody body = admin.queryConsumeQueue(broker, topic, queueId, index, count,
            OptionValues.string(commandLine, 'g'));
        print(context.out(), body, index);
    }

    private static String masterOfFirstBroker(MQAdminExt admin, String topic) throws Exception {
        TopicRouteData route = admin.examineTopicRouteInfo(topic);
        if (route == null || route.getBrokerDatas() == null || route.getBrokerDatas().isEmpty()) {
            throw new SubCommandException("No topic route data!");
        }
        String master = route.getBrokerDatas().get(0).getBrokerAddrs().get(MixAll.MASTER_ID);
        if (master == null) {
            throw new SubCommandException("the first broker of topic " + topic + " has no master online: pass -b");
        }
        return master;
    }

    static void print(PrintStream out, QueryConsumeQueueResponseBody body, long index) {
        if (body.getSubscriptionData() != null) {
            out.printf("Subscription data: \n%s\n", RemotingSerializable.toJson(body.getSubscriptionData(), true));
            out.print(SEPARATOR);
        }
        if (body.getFilterData() != null) {
            out.printf("Filter data: \n%s\n", body.getFilterData());
            out.print(SEPARATOR);
        }
        out.printf("Queue data: \nmax: %d, min: %d\n", body.getMaxQueueIndex(), body.getMinQueueIndex());
        out.print(SEPARATOR);
        if (body.getQueueData() == null) {
            return;
        }
        long i = index;
        for (ConsumeQueueData entry : body.getQueueData()) {
            out.print("idx: " + i + "\n" + entry + "\n" + SEPARATOR);
            i++;
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "topic name")
            .required("q", "queue", "queue num, ie. 1")
            .required("i", "index", "start queue index.")
            .value("c", "count", "how many.")
            .value("b", "broker", "broker addr.")
            .value("g", "consumer", "consumer group.")
            .options();
    }
}
