package org.cometmq.tools.command.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code allocateMQ}: how the default strategy (averagely) would share the readable queues of {@code -t} among
 * the clients of {@code -i} (comma separated), printed as one line of JSON. The queue list is taken in the order
 * of the subscribe-info hash set, as a client takes it, so the blocks match what 4.9.7 prints.
 */
public class AllocateMQSubCommand implements SubCommand {
    /** 4.9.7 asks the strategy on behalf of this group name; the strategy only logs it. */
    private static final String GROUP = "aa";

    @Override
    public String commandName() {
        return "allocateMQ";
    }

    @Override
    public String commandDesc() {
        return "Allocate MQ";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String topic = OptionValues.string(commandLine, 't');
        List<String> clients = Arrays.asList(OptionValues.string(commandLine, 'i').split(","));
        TopicRouteData route = context.admin().examineTopicRouteInfo(topic);
        Set<MessageQueue> queues = readableQueues(topic, route);
        RebalanceResult result = allocate(queues, clients);
        context.out().printf("%s%n", RemotingSerializable.toJson(result, false));
    }

    /** The readable queues of the route, in a hash set as a consumer's subscribe info holds them. */
    private static Set<MessageQueue> readableQueues(String topic, TopicRouteData route) {
        Set<MessageQueue> queues = new HashSet<>();
        for (QueueData queueData : route.getQueueDatas()) {
            if (PermName.isReadable(queueData.getPerm())) {
                for (int queueId = 0; queueId < queueData.getReadQueueNums(); queueId++) {
                    queues.add(new MessageQueue(topic, queueData.getBrokerName(), queueId));
                }
            }
        }
        return queues;
    }

    static RebalanceResult allocate(Set<MessageQueue> queues, List<String> clients) {
        AllocateMessageQueueAveragely strategy = new AllocateMessageQueueAveragely();
        RebalanceResult result = new RebalanceResult();
        for (String client : clients) {
            result.getResult().put(client, strategy.allocate(GROUP, client, new ArrayList<>(queues), clients));
        }
        return result;
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "topic name")
            .required("i", "ipList", "ipList")
            .options();
    }
}
