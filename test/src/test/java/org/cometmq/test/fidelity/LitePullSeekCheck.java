package org.cometmq.test.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * Apache 4.9.7's lite pull consumer in assign mode, auto-commit off: all queues of a topic assigned, the first
 * sought to offset 10 and the others to 0, then polled. Every message from the seek offsets on must arrive, and
 * no message may arrive more often than the broker handed it out: each pull answer is recorded with the offsets it
 * covered. The 4.9.7 client has a race of its own here: a pull task started by {@code assign} can finish its pull
 * while {@code seek} replaces it and still queue its messages (it checks the seek offset under the queue lock,
 * after the new task has already taken that offset). That race shows as a second pull answer covering the same
 * offsets, or one starting below the seek offset, against either broker; the broker is at fault only when a
 * message arrives more often than pull answers covered it, or a message at or after the seek offset never arrives.
 */
final class LitePullSeekCheck {
    static final int QUEUES = 4;
    static final int PER_QUEUE = 20;
    static final int SEEK_OFFSET = 10;
    private static final long POLL_MILLIS = 200;
    private static final long DEADLINE_MILLIS = 20_000;
    private static final long QUIET_MILLIS = 2_000;

    private final StoreFidelityFixture fixture;
    private final Collection<String> answers = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> handedOut = new java.util.concurrent.ConcurrentHashMap<>();

    LitePullSeekCheck(StoreFidelityFixture fixture) {
        this.fixture = fixture;
    }

    /** Sends {@link #PER_QUEUE} messages to each queue of a new topic and returns it. */
    String prepareTopic() throws Exception {
        String topic = fixture.createTopic("FidLiteSeek", QUEUES);
        for (int i = 0; i < PER_QUEUE; i++) {
            for (int q = 0; q < QUEUES; q++) {
                fixture.sendToQueue(StoreFidelityFixture.message(topic, "TagL", null, "q" + q + "-" + i), q);
            }
        }
        for (int q = 0; q < QUEUES; q++) {
            fixture.awaitQueue(fixture.queue(topic, q), PER_QUEUE);
        }
        return topic;
    }

    /** One round with a new group; asserts each (queue, offset) from the seek offsets on arrived exactly once. */
    void runRound(String topic) throws Exception {
        answers.clear();
        handedOut.clear();
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(StoreFidelityFixture.unique("fid_lite"),
            recordingHook());
        consumer.setNamesrvAddr(fixture.cluster().namesrvAddr());
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName(StoreFidelityFixture.unique("fid_lite"));
        consumer.setAutoCommit(false);
        consumer.start();
        try {
            List<MessageQueue> queues = new ArrayList<>(consumer.fetchMessageQueues(topic));
            queues.sort(MessageQueue::compareTo);
            consumer.assign(queues);
            for (MessageQueue mq : queues) {
                answers.add(stamp() + " seek q" + mq.getQueueId() + " begins");
                consumer.seek(mq, mq.getQueueId() == 0 ? SEEK_OFFSET : 0);
                answers.add(stamp() + " seek q" + mq.getQueueId() + " done");
            }
            Map<String, Integer> deliveries = pollAll(consumer);
            if (Boolean.getBoolean("fidelity.litepull.trace")) {
                System.out.println("LITE-TRACE " + fixture.cluster().kind() + " round\n" + String.join("\n", answers));
            }
            if (deliveries.values().stream().mapToInt(Integer::intValue).sum() != expectedKeys().size()) {
                System.out.println("LITE-RACE " + fixture.cluster().kind() + ": the client queued a replaced pull"
                    + " task's answer: " + deliveries.entrySet().stream().filter(e -> e.getValue() != 1
                        || !expectedKeys().contains(e.getKey())).map(Map.Entry::getKey).toList());
            }
            List<String> beyondAnswers = deliveries.entrySet().stream()
                .filter(e -> e.getValue() > handedOut.getOrDefault(e.getKey(), 0))
                .map(e -> e.getKey() + " delivered x" + e.getValue() + ", pulled x"
                    + handedOut.getOrDefault(e.getKey(), 0)).toList();
            assertEquals(List.of(), beyondAnswers, "messages delivered more often than the broker answered them;"
                + " broker answers:\n" + String.join("\n", answers));
            List<String> missing = expectedKeys().stream().filter(k -> !deliveries.containsKey(k)).toList();
            assertEquals(List.of(), missing, "messages at or after the seek offsets never delivered; broker answers:\n"
                + String.join("\n", answers));
        } finally {
            consumer.shutdown();
        }
    }

    private static List<String> expectedKeys() {
        List<String> keys = new ArrayList<>();
        for (int q = 0; q < QUEUES; q++) {
            for (int offset = q == 0 ? SEEK_OFFSET : 0; offset < PER_QUEUE; offset++) {
                keys.add(key(q, offset));
            }
        }
        return keys;
    }

    private static String key(int queueId, long offset) {
        return "q" + queueId + "@" + offset;
    }

    private static Map<String, Integer> pollAll(DefaultLitePullConsumer consumer) {
        Map<String, Integer> deliveries = new TreeMap<>();
        List<String> expected = expectedKeys();
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        long quietUntil = Long.MAX_VALUE;
        while (System.currentTimeMillis() < Math.min(deadline, quietUntil)) {
            for (MessageExt msg : consumer.poll(POLL_MILLIS)) {
                deliveries.merge(key(msg.getQueueId(), msg.getQueueOffset()), 1, Integer::sum);
            }
            if (deliveries.keySet().containsAll(expected) && quietUntil == Long.MAX_VALUE) {
                quietUntil = System.currentTimeMillis() + QUIET_MILLIS;
            }
        }
        return deliveries;
    }

    /** Records which offsets each found pull answer covered, and the sought queue's answers for the report. */
    private RPCHook recordingHook() {
        return new RPCHook() {
            @Override
            public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
            }

            @Override
            public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
                Map<String, String> ext = request.getExtFields();
                if (ext == null || response == null) {
                    return;
                }
                countHandedOut(request, ext, response);
                if (!"0".equals(ext.get("queueId"))) {
                    return;
                }
                answers.add(stamp() + " " + Thread.currentThread().getName() + " "
                    + describe(request, ext) + " -> " + response.getCode() + " " + response.getExtFields());
            }
        };
    }

    private void countHandedOut(RemotingCommand request, Map<String, String> ext, RemotingCommand response) {
        Map<String, String> answer = response.getExtFields();
        if (request.getCode() != RequestCode.PULL_MESSAGE || response.getCode() != 0 || answer == null
            || answer.get("nextBeginOffset") == null) {
            return;
        }
        int queueId = Integer.parseInt(ext.get("queueId"));
        long next = Long.parseLong(answer.get("nextBeginOffset"));
        for (long offset = Long.parseLong(ext.get("queueOffset")); offset < next; offset++) {
            handedOut.merge(key(queueId, offset), 1, Integer::sum);
        }
    }

    private static String stamp() {
        return String.format("%.3f", System.nanoTime() / 1e6 % 100_000);
    }

    private static String describe(RemotingCommand request, Map<String, String> ext) {
        return switch (request.getCode()) {
            case RequestCode.PULL_MESSAGE -> "PULL offset=" + ext.get("queueOffset") + " sysFlag=" + ext.get("sysFlag");
            case RequestCode.QUERY_CONSUMER_OFFSET -> "QUERY_CONSUMER_OFFSET";
            case RequestCode.GET_MAX_OFFSET -> "GET_MAX_OFFSET";
            case RequestCode.GET_MIN_OFFSET -> "GET_MIN_OFFSET";
            default -> "code " + request.getCode();
        };
    }
}
