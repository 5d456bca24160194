package org.cometmq.client.consumer.rebalance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cometmq.common.message.MessageQueue;

/** Builds sorted queue lists and renders allocations compactly ("a0 a1 b3") for exact assertions. */
final class Queues {
    static final String TOPIC = "TopicTest";

    private Queues() {
    }

    static List<MessageQueue> of(String brokerName, int count) {
        List<MessageQueue> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(new MessageQueue(TOPIC, brokerName, i));
        }
        return result;
    }

    static List<MessageQueue> sorted(List<MessageQueue> a, List<MessageQueue> b) {
        List<MessageQueue> all = new ArrayList<>(a);
        all.addAll(b);
        Collections.sort(all);
        return all;
    }

    /** Queue ids of a single-broker allocation, e.g. "4 5 6". */
    static String ids(List<MessageQueue> mqs) {
        StringBuilder sb = new StringBuilder();
        for (MessageQueue mq : mqs) {
            sb.append(sb.length() == 0 ? "" : " ").append(mq.getQueueId());
        }
        return sb.toString();
    }

    /** Last letter of the broker name plus queue id, e.g. "a1 b3". */
    static String names(List<MessageQueue> mqs) {
        StringBuilder sb = new StringBuilder();
        for (MessageQueue mq : mqs) {
            String broker = mq.getBrokerName();
            sb.append(sb.length() == 0 ? "" : " ").append(broker.charAt(broker.length() - 1)).append(mq.getQueueId());
        }
        return sb.toString();
    }
}
