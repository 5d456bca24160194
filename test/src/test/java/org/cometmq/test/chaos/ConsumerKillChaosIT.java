package org.cometmq.test.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.ManagedProcess;
import org.cometmq.test.harness.TestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * A consumer process killed with -9 while it is half-way through a batch: a second consumer of the group takes the
 * queues over, and every message is consumed at least once by the group (redeliveries counted as duplicates).
 */
@CrossProcess
class ConsumerKillChaosIT {
    private static final int MESSAGES_PER_THREAD = 500;

    @Test
    void everyMessageIsConsumedAtLeastOnceAfterAConsumerKillMidBatch() throws Exception {
        try (ChaosCluster cluster = ChaosCluster.start("chaos-consumer", 1, Map.of());
             ChaosWorkload load = new ChaosWorkload(cluster.namesrv.address(),
                 cluster.createTopic("ChaosConsumer", 4, "127.0.0.1"), 4, MESSAGES_PER_THREAD).start(false, false)) {
            Path workDir = TestEnvironment.newWorkDir("chaos-consumer-process");
            Path consumed = workDir.resolve("consumed.txt");
            ManagedProcess first = ManagedProcess.start("chaos-consumer-1", List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp",
                System.getProperty("java.class.path"), ConsumerProcess.class.getName(), cluster.namesrv.address(),
                load.consumerGroup(), load.topic(), consumed.toString()), Map.of(), workDir,
                workDir.resolve("stdout.log"));
            first.waitForLog("consumer started", Duration.ofSeconds(60));
            long midBatch = ChaosWorkload.waitMillis(Duration.ofSeconds(60), () -> isMidBatch(consumed, 300));
            first.kill9();
            assertTrue(midBatch >= 0, "the consumer process never was in the middle of a batch");
            List<String> linesBeforeKill = Files.readAllLines(consumed);
            long openBatches = openBatches(linesBeforeKill);
            assertTrue(openBatches > 0, "the kill landed between batches");
            linesBeforeKill.stream().filter(l -> !l.equals("B") && !l.equals("E")).forEach(load::recordExternal);

            assertTrue(ChaosWorkload.waitMillis(Duration.ofSeconds(60), load::sendersDone) >= 0, "senders done");
            long takeoverStart = System.nanoTime();
            load.startConsumer(load.consumerGroup());
            load.awaitDrained(Duration.ofSeconds(60));
            long drained = (System.nanoTime() - takeoverStart) / 1_000_000;
            load.report("consumer kill -9 mid-batch, group taken over by a second consumer")
                .withRecoveries(List.of(String.format("consumer kill -9 after %d lines with %d batches half done: the "
                    + "second consumer had every message %d ms after it started", linesBeforeKill.size(), openBatches,
                    drained)))
                .printAndAssertNoLoss(4L * MESSAGES_PER_THREAD * 9 / 10); // a few sends may time out on a busy machine
        }
    }

    /** True once the file has {@code minLines} and a batch was started but not finished. */
    private static boolean isMidBatch(Path file, int minLines) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.size() >= minLines && openBatches(lines) > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Batches begun ({@code B}) and not ended ({@code E}). */
    private static long openBatches(List<String> lines) {
        return lines.stream().filter("B"::equals).count() - lines.stream().filter("E"::equals).count();
    }
}
