package org.cometmq.test.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.cometmq.test.harness.Await;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.TestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * A SYNC_FLUSH broker whose store sits on a small tmpfs, filled by a producer while a group consumes slowly or not
 * at all (issue 20). By default nothing unconsumed is deleted: sends are refused as disk full, reads go on, and
 * sends resume within a check interval of the group catching up. With cleanFileForciblyEnable=true the data goes
 * as in 4.9.7, and the log lines, runtime info and consumerProgress name exactly the offsets that never arrived;
 * expiry by fileReservedTime of unconsumed data is reported the same way.
 */
@CrossProcess
class DiskPressureIT {
    private static final int CHECK_INTERVAL_MILLIS = 500;
    private static final String TMPFS_SIZE = "40m";
    private static final int BODY_SIZE = 4000;
    private static final int MAX_SENDS = 40_000;
    private static final Duration FILL_LIMIT = Duration.ofSeconds(40);
    private static final int QUEUES = 2;

    private static Map<String, String> settings(boolean cleanForcibly) {
        Map<String, String> settings = new HashMap<>();
        settings.put("flushDiskType", "SYNC_FLUSH");
        settings.put("mappedFileSizeCommitLog", String.valueOf(1024 * 1024));
        settings.put("mappedFileSizeConsumeQueue", String.valueOf(300 * 20));
        settings.put("maxHashSlotNum", "1000");
        settings.put("maxIndexNum", "4000");
        settings.put("cleanResourceInterval", String.valueOf(CHECK_INTERVAL_MILLIS));
        settings.put("deleteCommitLogFilesInterval", "0");
        settings.put("cleanFileForciblyEnable", String.valueOf(cleanForcibly));
        return settings;
    }

    private static BrokerFixture startOnTmpfs(String name, boolean cleanForcibly) throws Exception {
        assumeTrue(Tmpfs.available(), "a private tmpfs cannot be mounted here (needs root): disk-full test skipped");
        return BrokerFixture.start(name, settings(cleanForcibly), b -> b.storeOnTmpfs(TMPFS_SIZE));
    }

    @Test
    void byDefaultAFullDiskRefusesSendsAndLosesNothing() throws Exception {
        try (BrokerFixture fixture = startOnTmpfs("disk-safe", false)) {
            String topic = fixture.createTopic("DiskSafe", QUEUES, 6);
            String group = BrokerFixture.unique("slow");
            Map<Integer, Set<Long>> received = new ConcurrentHashMap<>();
            AtomicLong consumed = new AtomicLong();
            AtomicLong pauseMillis = new AtomicLong(10);
            DefaultMQPushConsumer consumer = slowConsumer(fixture, group, topic, received, consumed, pauseMillis);
            consumer.start();
            DiskLoad load = new DiskLoad(BODY_SIZE);
            DefaultMQProducer producer = fixture.producer("disk-safe");
            producer.setRetryTimesWhenSendFailed(0);

            long consumedAtFirstRefusal = fillUntilRefused(load, producer, topic, consumed);
            assertTrue(load.refusalRemark.startsWith(DiskLoad.DISK_FULL_REMARK), load.refusalRemark);
            keepRefused(load, producer, topic, Duration.ofSeconds(2));
            assertTrue(consumed.get() > consumedAtFirstRefusal, "reads go on while sends are refused");

            pauseMillis.set(0);
            Await.untilTrue("the group to catch up", Duration.ofSeconds(60),
                () -> fixture.admin.examineConsumeStats(group).computeTotalDiff() == 0);
            long caughtUp = System.nanoTime();
            Await.untilTrue("a send to be accepted again", Duration.ofSeconds(20), () -> {
                boolean ok = load.send(producer, topic);
                if (!ok) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                return ok;
            });
            long resumeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - caughtUp);
            assertTrue(resumeMillis <= CHECK_INTERVAL_MILLIS + 1_000, "sends resumed " + resumeMillis + " ms after "
                + "the group caught up; the check interval is " + CHECK_INTERVAL_MILLIS + " ms");

            Await.untilTrue("every SEND_OK message consumed", Duration.ofSeconds(30),
                () -> load.missing(received, Map.of()).isEmpty());
            assertEquals("0", runtimeInfo(fixture, "lostUnconsumedMsgCount"));
            assertFalse(Files.readString(fixture.broker.logDir().resolve("store.log")).contains("lost unconsumed"));
        }
    }

    @Test
    void cleanFileForciblyEnableDeletesAsApacheAndNamesEveryLostOffset() throws Exception {
        try (BrokerFixture fixture = startOnTmpfs("disk-forcibly", true)) {
            String topic = fixture.createTopic("DiskForcibly", QUEUES, 6);
            String group = BrokerFixture.unique("lagging");
            DiskLoad load = new DiskLoad(BODY_SIZE);
            DefaultMQProducer producer = fixture.producer("disk-forcibly");
            producer.setRetryTimesWhenSendFailed(0);
            Map<Integer, Set<Long>> consumedFirst = consumeThenLeave(fixture, load, producer, topic, group);

            long deadline = System.nanoTime() + FILL_LIMIT.toNanos();
            int extra = -1;
            for (int i = 0; i < MAX_SENDS && System.nanoTime() < deadline && extra != 0; i++) {
                load.send(producer, topic);
                if (extra < 0 && i % 200 == 0 && Long.parseLong(runtimeInfo(fixture, "lostUnconsumedMsgCount")) > 0) {
                    extra = 300;
                } else if (extra > 0) {
                    extra--;
                }
            }
            assertEquals(0, extra, "forced cleaning deleted unconsumed data within " + MAX_SENDS + " sends");
            assertLossReportedExactly(fixture, load, topic, group, consumedFirst);
        }
    }

    @Test
    void expiryOfUnconsumedDataIsReported() throws Exception {
        Map<String, String> settings = settings(false);
        settings.put("flushDiskType", "ASYNC_FLUSH");
        settings.put("fileReservedTime", "0");
        settings.put("deleteWhen", String.join(";", java.util.stream.IntStream.range(0, 24)
            .mapToObj(h -> String.format("%02d", h)).toList()));
        try (BrokerFixture fixture = BrokerFixture.start("disk-expiry", settings)) {
            String topic = fixture.createTopic("DiskExpiry", QUEUES, 6);
            String group = BrokerFixture.unique("lagging");
            DiskLoad load = new DiskLoad(1024);
            DefaultMQProducer producer = fixture.producer("disk-expiry");
            Map<Integer, Set<Long>> consumedFirst = consumeThenLeave(fixture, load, producer, topic, group);
            for (int i = 0; i < 4_000; i++) {
                assertTrue(load.send(producer, topic));
            }
            assertLossReportedExactly(fixture, load, topic, group, consumedFirst);
            String reasons = Files.readString(fixture.broker.logDir().resolve("store.log"));
            assertTrue(reasons.contains("reason=older than fileReservedTime=0h"), "the reason is expiry");
        }
    }

    private static DefaultMQPushConsumer slowConsumer(BrokerFixture fixture, String group, String topic,
                                                      Map<Integer, Set<Long>> received, AtomicLong consumed,
                                                      AtomicLong pauseMillis) throws Exception {
        DefaultMQPushConsumer consumer = fixture.pushConsumer(group);
        consumer.setConsumeThreadMin(1);
        consumer.setConsumeThreadMax(1);
        consumer.setPersistConsumerOffsetInterval(100);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (var message : messages) {
                DiskLoad.record(received, message);
                consumed.incrementAndGet();
            }
            sleepQuietly(pauseMillis.get());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        return consumer;
    }

    /** Sends until the first disk-full refusal; returns how many messages had been consumed by then. */
    private static long fillUntilRefused(DiskLoad load, DefaultMQProducer producer, String topic, AtomicLong consumed)
        throws Exception {
        long deadline = System.nanoTime() + FILL_LIMIT.toNanos();
        for (int i = 0; i < MAX_SENDS && System.nanoTime() < deadline; i++) {
            if (!load.send(producer, topic)) {
                return consumed.get();
            }
        }
        throw new AssertionError("no disk-full refusal after " + load.sentOkCount() + " SEND_OK on a " + TMPFS_SIZE
            + " tmpfs");
    }

    /** Keeps offering sends for {@code period}: every one must be refused while the group lags. */
    private static void keepRefused(DiskLoad load, DefaultMQProducer producer, String topic, Duration period)
        throws Exception {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            assertFalse(load.send(producer, topic), "a send was accepted while the disk is full");
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** A group consumes 200 messages, commits and goes offline; returns what it received. */
    private static Map<Integer, Set<Long>> consumeThenLeave(BrokerFixture fixture, DiskLoad load,
                                                           DefaultMQProducer producer, String topic, String group)
        throws Exception {
        for (int i = 0; i < 200; i++) {
            assertTrue(load.send(producer, topic));
        }
        Map<Integer, Set<Long>> received = new ConcurrentHashMap<>();
        AtomicLong consumed = new AtomicLong();
        DefaultMQPushConsumer consumer = slowConsumer(fixture, group, topic, received, consumed, new AtomicLong());
        consumer.start();
        Await.untilTrue(group + " to consume and commit 200 messages", Duration.ofSeconds(60),
            () -> consumed.get() >= 200 && fixture.admin.examineConsumeStats(group).computeTotalDiff() == 0);
        consumer.shutdown();
        return received;
    }

    /**
     * The SEND_OK offsets that neither the group (before it left) nor a reader of what is still stored saw must be
     * exactly those the broker logged as lost for the group, counted in runtime info and shown by consumerProgress.
     */
    private static void assertLossReportedExactly(BrokerFixture fixture, DiskLoad load, String topic, String group,
                                                  Map<Integer, Set<Long>> consumedFirst) throws Exception {
        String lostCount = Await.until("lost count to settle", Duration.ofSeconds(20), () -> {
            String before = runtimeInfo(fixture, "lostUnconsumedMsgCount");
            TimeUnit.MILLISECONDS.sleep(3L * CHECK_INTERVAL_MILLIS);
            return before.equals(runtimeInfo(fixture, "lostUnconsumedMsgCount")) ? before : null;
        }, v -> v != null && !v.equals("0"));
        DefaultMQPullConsumer reader = new DefaultMQPullConsumer(BrokerFixture.unique("reader"));
        reader.setNamesrvAddr(fixture.namesrvAddr());
        reader.setVipChannelEnabled(false);
        reader.setInstanceName(BrokerFixture.unique("reader"));
        fixture.track(reader, reader::shutdown).start();
        Map<Integer, Set<Long>> stored = DiskLoad.readStored(reader, fixture.admin, topic,
            fixture.broker.brokerName(), QUEUES);
        Map<Integer, TreeSet<Long>> missing = load.missing(consumedFirst, stored);
        assertFalse(missing.isEmpty(), "some SEND_OK messages were deleted unconsumed");

        Path storeLog = fixture.broker.logDir().resolve("store.log");
        Map<Integer, TreeSet<Long>> logged = Await.until("the lost-data log lines", Duration.ofSeconds(10),
            () -> DiskLoad.loggedLost(storeLog, group, topic), l -> DiskLoad.size(l) >= DiskLoad.size(missing));
        assertEquals(missing, logged, "logged lost offsets = SEND_OK offsets that never arrived");
        assertEquals(String.valueOf(DiskLoad.size(missing)), lostCount, "lostUnconsumedMsgCount");
        assertTrue(runtimeInfo(fixture, "lostUnconsumedRanges").contains(group + " " + topic + " "),
            "lostUnconsumedRanges names the group and topic");
        String progress = consumerProgress(fixture, group);
        assertTrue(progress.contains("Lost Total: " + DiskLoad.size(missing) + " "), progress);
    }

    private static String runtimeInfo(BrokerFixture fixture, String key) throws Exception {
        return fixture.admin.fetchBrokerRuntimeStats(fixture.broker.address()).getTable().get(key);
    }

    /** CometMQ's {@code mqadmin consumerProgress -g group}, as an operator runs it. */
    private static String consumerProgress(BrokerFixture fixture, String group) throws Exception {
        Path workDir = TestEnvironment.newWorkDir("consumer-progress");
        Path out = workDir.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder(List.of(TestEnvironment.distributionDir().resolve("bin/mqadmin")
            .toString(), "consumerProgress", "-n", fixture.namesrvAddr(), "-g", group)).directory(workDir.toFile())
            .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(Map.of("COMET_HOME", TestEnvironment.distributionDir().toString(),
            "HOME", workDir.toString(), "COMET_LOG_DIR", workDir.resolve("logs").toString()));
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "mqadmin consumerProgress finished");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text;
    }

    private static void sleepQuietly(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
