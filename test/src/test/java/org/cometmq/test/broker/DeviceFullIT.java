package org.cometmq.test.broker;

import static org.cometmq.test.broker.DiskPressureSupport.BODY_SIZE;
import static org.cometmq.test.broker.DiskPressureSupport.QUEUES;
import static org.cometmq.test.broker.DiskPressureSupport.slowConsumer;
import static org.cometmq.test.broker.DiskPressureSupport.startedReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageQueue;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.Test;

/**
 * A SYNC_FLUSH broker with default-sized (sparse, 1 GiB) commit-log files whose store device fills up completely
 * while the usage-ratio checks cannot see it coming (levels at 1.0, the case where the device fills between two
 * checks): the first write into a page without a disk block used to kill the JVM with SIGBUS. Now the broker stays
 * up, refuses sends with 4.9.7's disk-full code, serves reads, accepts sends again once space is freed, and every
 * SEND_OK message is consumed.
 */
@CrossProcess
class DeviceFullIT {
    private static final String TMPFS_SIZE = "48m";
    private static final int FIRST_SENDS = 200;
    private static final int MAX_SENDS = 20_000;

    @Test
    void aFullDeviceRefusesSendsWithoutCrashingAndLosesNothing() throws Exception {
        assumeTrue(Tmpfs.available(), "a private tmpfs cannot be mounted here (needs root): device-full test skipped");
        Map<String, String> settings = Map.of("flushDiskType", "SYNC_FLUSH",
            "mappedFileSizeCommitLog", String.valueOf(1024 * 1024 * 1024), "cleanResourceInterval", "1000",
            "diskMaxUsedSpaceRatio", "95", "maxHashSlotNum", "50000", "maxIndexNum", "200000");
        try (BrokerFixture fixture = BrokerFixture.start("device-full", settings, b -> b.storeOnTmpfs(TMPFS_SIZE)
            .jvmOptions("-Drocketmq.broker.diskSpaceCleanForciblyRatio=1.0 "
                + "-Drocketmq.broker.diskSpaceWarningLevelRatio=1.0"))) {
            String topic = fixture.createTopic("DeviceFull", QUEUES, 6);
            Map<Integer, Set<Long>> received = new ConcurrentHashMap<>();
            DefaultMQPushConsumer consumer = slowConsumer(fixture, BrokerFixture.unique("full"), topic, received,
                new AtomicLong(), new AtomicLong(0));
            consumer.start();
            DiskLoad load = new DiskLoad(BODY_SIZE);
            DefaultMQProducer producer = fixture.producer("device-full");
            producer.setRetryTimesWhenSendFailed(0);
            for (int i = 0; i < FIRST_SENDS; i++) {
                assertTrue(load.send(producer, topic), "send " + i + " before the device is full");
            }

            Path ballast = storeSeenByBroker(fixture).resolve("ballast");
            long ballastBytes = fillDevice(ballast);
            sendUntilRefused(load, producer, topic);
            assertTrue(load.refusalRemark.startsWith(DiskLoad.DISK_FULL_REMARK), load.refusalRemark);
            assertTrue(fixture.broker.process().isAlive(), "the broker survives a full device");
            String storeLog = Files.readString(fixture.broker.logDir().resolve("store.log"));
            assertTrue(storeLog.contains("No space left on device"), "the refusal comes from the full device");
            MessageQueue queue = new MessageQueue(topic, fixture.broker.brokerName(), 0);
            PullResult read = startedReader(fixture).pull(queue, "*", 0, 8, 5_000);
            assertEquals(PullStatus.FOUND, read.getPullStatus(), "reads go on while the device is full");
            for (int i = 0; i < 20; i++) {
                assertFalse(load.send(producer, topic), "a send was accepted on a full device");
            }

            Files.delete(ballast);
            Await.untilTrue("a send to be accepted after " + ballastBytes + " bytes were freed",
                Duration.ofSeconds(20), () -> {
                    boolean ok = load.send(producer, topic);
                    if (!ok) {
                        TimeUnit.MILLISECONDS.sleep(100);
                    }
                    return ok;
                });
            for (int i = 0; i < 50; i++) {
                assertTrue(load.send(producer, topic), "send " + i + " after space was freed");
            }
            Await.untilTrue("every SEND_OK message consumed", Duration.ofSeconds(30),
                () -> load.missing(received, Map.of()).isEmpty());
            System.out.println(load.report("device full", received));
            assertTrue(fixture.broker.process().isAlive());
        }
    }

    /** The store directory inside the broker's private mount namespace, reached through its /proc root link. */
    private static Path storeSeenByBroker(BrokerFixture fixture) {
        Path store = Path.of("/proc", String.valueOf(fixture.broker.process().pid()), "root")
            .resolve(fixture.broker.storeDir().toAbsolutePath().toString().substring(1));
        assertTrue(Files.isDirectory(store.resolve("commitlog")), "store visible at " + store);
        return store;
    }

    /** Writes {@code file} until the device has no room left; returns its size. */
    private static long fillDevice(Path file) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw e;
            }
        }
        return written;
    }

    /** The commit log's reserved window still takes some sends; then they must be refused as disk full. */
    private static void sendUntilRefused(DiskLoad load, DefaultMQProducer producer, String topic) throws Exception {
        for (int i = 0; i < MAX_SENDS; i++) {
            if (!load.send(producer, topic)) {
                return;
            }
        }
        throw new AssertionError("no refusal after " + load.sentOkCount() + " SEND_OK on a full device");
    }
}
