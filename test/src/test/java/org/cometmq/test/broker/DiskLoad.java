package org.cometmq.test.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * The bookkeeping of a disk-filling load: which (queue, offset) each SEND_OK got, the sends refused as disk full
 * with their remark, which offsets a consumer saw, and the lost ranges a broker logged.
 */
final class DiskLoad {
    static final String DISK_FULL_REMARK = "service not available now. It may be caused by one of the following "
        + "reasons: the broker's disk is full [CL: ";
    private static final Pattern LOST_LINE = Pattern.compile("lost unconsumed messages: group=(\\S+) topic=(\\S+) "
        + "queueId=(\\d+) offsets=\\[(\\d+),(\\d+)\\) count=(\\d+)");

    final Map<Integer, Set<Long>> sentOk = new ConcurrentHashMap<>();
    final AtomicInteger refusals = new AtomicInteger();
    volatile String refusalRemark;
    private final byte[] body;

    /** Random bytes below the client's 4 KiB compression threshold: each message takes its full size on disk. */
    DiskLoad(int bodySize) {
        if (bodySize >= 4096) {
            throw new IllegalArgumentException("bodies of 4096 bytes or more would be compressed");
        }
        this.body = new byte[bodySize];
        new java.util.Random(bodySize).nextBytes(body);
    }

    /** One send: true on SEND_OK; false when refused as disk full (code 14); anything else fails the test. */
    boolean send(DefaultMQProducer producer, String topic) throws Exception {
        try {
            SendResult result = producer.send(new Message(topic, body));
            if (result.getSendStatus() != SendStatus.SEND_OK) {
                throw new AssertionError("unexpected send status " + result);
            }
            sentOk.computeIfAbsent(result.getMessageQueue().getQueueId(), q -> ConcurrentHashMap.newKeySet())
                .add(result.getQueueOffset());
            return true;
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.SERVICE_NOT_AVAILABLE && e.getCause() instanceof MQBrokerException) {
                refusalRemark = ((MQBrokerException) e.getCause()).getErrorMessage();
                refusals.incrementAndGet();
                return false;
            }
            throw e;
        }
    }

    /** The scenario's counts as one printed line: SEND_OK, refused as disk full, received (distinct), lost. */
    String report(String scenario, Map<Integer, Set<Long>> received) {
        return String.format(java.util.Locale.ROOT, "disk report [%s]: SEND_OK %d, refused as disk full %d, "
                + "received %d, lost %d", scenario, sentOkCount(), refusals.get(),
            received.values().stream().mapToInt(Set::size).sum(), size(missing(received, Map.of())));
    }

    int sentOkCount() {
        return sentOk.values().stream().mapToInt(Set::size).sum();
    }

    static void record(Map<Integer, Set<Long>> seen, MessageExt message) {
        seen.computeIfAbsent(message.getQueueId(), q -> ConcurrentHashMap.newKeySet()).add(message.getQueueOffset());
    }

    /** Every message still stored in the topic's queues, read with a pull consumer that commits nothing. */
    static Map<Integer, Set<Long>> readStored(DefaultMQPullConsumer reader, DefaultMQAdminExt admin, String topic,
                                             String brokerName, int queues) throws Exception {
        Map<Integer, Set<Long>> stored = new ConcurrentHashMap<>();
        for (int queueId = 0; queueId < queues; queueId++) {
            MessageQueue mq = new MessageQueue(topic, brokerName, queueId);
            long offset = admin.minOffset(mq);
            long max = admin.maxOffset(mq);
            while (offset < max) {
                PullResult result = reader.pull(mq, "*", offset, 64, 5_000);
                if (result.getPullStatus() == PullStatus.FOUND) {
                    result.getMsgFoundList().forEach(m -> record(stored, m));
                }
                if (result.getNextBeginOffset() <= offset) {
                    throw new AssertionError("pull of " + mq + " at " + offset + " does not advance: " + result);
                }
                offset = result.getNextBeginOffset();
            }
        }
        return stored;
    }

    /** Offsets that got SEND_OK and are in none of {@code seen}, per queue. */
    Map<Integer, TreeSet<Long>> missing(Map<Integer, Set<Long>> first, Map<Integer, Set<Long>> second) {
        Map<Integer, TreeSet<Long>> missing = new TreeMap<>();
        sentOk.forEach((queueId, offsets) -> {
            TreeSet<Long> gone = new TreeSet<>(offsets);
            gone.removeAll(first.getOrDefault(queueId, Set.of()));
            gone.removeAll(second.getOrDefault(queueId, Set.of()));
            if (!gone.isEmpty()) {
                missing.put(queueId, gone);
            }
        });
        return missing;
    }

    /** The offsets the broker's store.log says {@code group} lost in {@code topic}, per queue. */
    static Map<Integer, TreeSet<Long>> loggedLost(Path storeLog, String group, String topic) throws IOException {
        Map<Integer, TreeSet<Long>> lost = new TreeMap<>();
        for (String line : Files.readAllLines(storeLog)) {
            Matcher m = LOST_LINE.matcher(line);
            if (m.find() && m.group(1).equals(group) && m.group(2).equals(topic)) {
                TreeSet<Long> offsets = lost.computeIfAbsent(Integer.parseInt(m.group(3)), q -> new TreeSet<>());
                long from = Long.parseLong(m.group(4));
                long to = Long.parseLong(m.group(5));
                if (to - from != Long.parseLong(m.group(6))) {
                    throw new AssertionError("count does not match the range: " + line);
                }
                for (long offset = from; offset < to; offset++) {
                    if (!offsets.add(offset)) {
                        throw new AssertionError("offset " + offset + " reported lost twice: " + line);
                    }
                }
            }
        }
        return lost;
    }

    static long size(Map<Integer, TreeSet<Long>> offsets) {
        return offsets.values().stream().mapToLong(Set::size).sum();
    }
}
