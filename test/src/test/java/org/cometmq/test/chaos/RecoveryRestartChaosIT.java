package org.cometmq.test.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.ApacheRoundTrip;
import org.cometmq.test.harness.CrossProcess;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a broker while it recovers a crashed store, twice: once as the recovery starts walking the commit log,
 * once while it rebuilds the consume queues (deleted after the first crash, so the whole commit log is replayed).
 * The start after that recovers the same data: every acknowledged message, at the queue offsets it was
 * acknowledged with, and nothing else. CI stores 40,000 messages of 1 KiB (200,000 with {@code -Dchaos.long=true}).
 */
@CrossProcess
class RecoveryRestartChaosIT {
    private static final int MESSAGES = ChaosCluster.longRun() ? 200_000 : 40_000;
    private static final int BATCH = 50;
    private static final int QUEUES = 4;
    private static final Duration BOUND = Duration.ofSeconds(120);

    @Test
    void aStartAfterAnInterruptedRecoveryRecoversTheSameData() throws Exception {
        try (ChaosCluster cluster = ChaosCluster.start("chaos-recovery", 1, Map.of("flushDiskType", "ASYNC_FLUSH"))) {
            CometBroker broker = cluster.brokers.get(0);
            String topic = cluster.createTopic("ChaosRecovery", QUEUES, "127.0.0.1");
            Map<Integer, Long> acked = sendBatches(cluster.namesrv.address(), topic);
            long acknowledged = acked.values().stream().mapToLong(Long::longValue).sum();
            assertEquals(MESSAGES, acknowledged, "every batch acknowledged");

            broker.kill9();
            deleteTree(broker.storeDir().resolve("consumequeue"));
            List<String> interrupted = new ArrayList<>();
            interrupted.add(killDuringRecovery(broker, "crash recovery walks the commit log"));
            interrupted.add(killDuringRecovery(broker, "recovery done"));
            long start = System.nanoTime();
            broker.restart();
            long recoveredMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

            Map<Integer, Long> maxOffsets = new HashMap<>();
            for (int q = 0; q < QUEUES; q++) {
                maxOffsets.put(q, cluster.admin.maxOffset(new MessageQueue(topic, broker.brokerName(), q)));
            }
            Map<String, Integer> consumed = ApacheRoundTrip.consume(cluster.namesrv.address(), "ChaosRecoveryReader",
                topic, MESSAGES, BOUND);
            System.out.printf("[RecoveryRestartChaosIT] %d messages acknowledged; killed %s; the next start took %d ms;"
                    + " queue max offsets %s (acknowledged %s); consumed %d unique, %d deliveries%n", acknowledged,
                interrupted, recoveredMillis, maxOffsets, acked, consumed.size(),
                consumed.values().stream().mapToInt(Integer::intValue).sum());

            assertEquals(acked, maxOffsets, "each queue ends where its acknowledged messages ended");
            assertEquals(MESSAGES, consumed.size(), "every acknowledged message is read back");
            assertTrue(consumed.keySet().stream().allMatch(body -> body.startsWith("recovery-")), "nothing else");
        }
    }

    /** Sends {@link #MESSAGES} bodies in batches; returns the acknowledged count per queue (offsets start at 0). */
    private static Map<Integer, Long> sendBatches(String namesrvAddr, String topic) throws Exception {
        DefaultMQProducer producer = ApacheClients.startedProducer("ChaosRecoveryProducer", namesrvAddr);
        Map<Integer, Long> acked = new HashMap<>();
        byte[] padding = new byte[1000];
        java.util.Arrays.fill(padding, (byte) 'x');
        try {
            for (int first = 0; first < MESSAGES; first += BATCH) {
                List<Message> batch = new ArrayList<>(BATCH);
                for (int i = first; i < first + BATCH; i++) {
                    byte[] body = ("recovery-" + i + "-").getBytes(StandardCharsets.UTF_8);
                    byte[] full = java.util.Arrays.copyOf(body, body.length + padding.length);
                    System.arraycopy(padding, 0, full, body.length, padding.length);
                    batch.add(new Message(topic, full));
                }
                SendResult result = producer.send(batch, 30_000);
                assertEquals(SendStatus.SEND_OK, result.getSendStatus());
                int queue = result.getMessageQueue().getQueueId();
                assertEquals(acked.getOrDefault(queue, 0L), result.getQueueOffset(), "batches are stored in order");
                acked.merge(queue, (long) BATCH, Long::sum);
            }
        } finally {
            producer.shutdown();
        }
        return acked;
    }

    /**
     * Starts the broker on its crashed store and kills it with SIGKILL as soon as its store log shows {@code line}
     * for this start, before the broker booted. Returns where it was killed.
     */
    private static String killDuringRecovery(CometBroker broker, String line) throws Exception {
        Path storeLog = broker.logDir().resolve("store.log");
        long seenBefore = occurrences(storeLog, line);
        CompletableFuture<CometBroker> starting = CompletableFuture.supplyAsync(broker::restart);
        // polled every 10 ms: the rest of the recovery may take well under a second
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (occurrences(storeLog, line) <= seenBefore && !starting.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        boolean bootedAlready = starting.isDone() && !starting.isCompletedExceptionally();
        broker.kill9();
        try {
            starting.join();
        } catch (RuntimeException expected) {
            // the start never completed: it was killed
        }
        assertFalse(bootedAlready, "the broker had booted before the kill at '" + line + "'");
        return "at '" + line + "'";
    }

    private static long occurrences(Path log, String line) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(line)).count();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
