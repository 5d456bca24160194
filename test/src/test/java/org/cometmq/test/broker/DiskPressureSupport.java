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
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.MessageQueue;
import org.cometmq.test.harness.TestEnvironment;
import org.cometmq.testkit.Await;

/**
 * What the disk-pressure tests (issue 20) share: broker settings with small files and a short check interval, a
 * broker on a private tmpfs, a slow consumer, a group that commits without consuming, and the check that the SEND_OK
 * messages that never arrived are exactly those the broker reported lost.
 */
final class DiskPressureSupport {
    static final int CHECK_INTERVAL_MILLIS = 500;
    static final String TMPFS_SIZE = "40m";
    static final int BODY_SIZE = 4000;
    static final int MAX_SENDS = 40_000;
    static final Duration FILL_LIMIT = Duration.ofSeconds(40);
    static final int QUEUES = 2;

    private DiskPressureSupport() {
    }

    static Map<String, String> settings(boolean cleanForcibly) {
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

    static BrokerFixture startOnTmpfs(String name, boolean cleanForcibly) throws Exception {
        assumeTrue(Tmpfs.available(), "a private tmpfs cannot be mounted here (needs root): disk-full test skipped");
        Map<String, String> settings = settings(cleanForcibly);
        settings.put("diskMaxUsedSpaceRatio", "40");
        // 4.9.7's system properties; low levels leave room on the tmpfs for what arrives between two checks
        return BrokerFixture.start(name, settings, b -> b.storeOnTmpfs(TMPFS_SIZE).jvmOptions(
            "-Drocketmq.broker.diskSpaceCleanForciblyRatio=0.50 -Drocketmq.broker.diskSpaceWarningLevelRatio=0.60"));
    }

    /** A push consumer that sleeps {@code pauseMillis} after each message, and holds while it is negative. */
    static DefaultMQPushConsumer slowConsumer(BrokerFixture fixture, String group, String topic,
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
            while (pauseMillis.get() < 0) {
                sleepQuietly(20); // held: the group stops consuming (its messages wait in the client)
            }
            sleepQuietly(pauseMillis.get());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        return consumer;
    }

    /**
     * The SEND_OK offsets that neither the group (by its committed offsets) nor a reader of what is still stored saw must be
     * exactly those the broker logged as lost for the group, counted in runtime info and shown by consumerProgress.
     */
    static void assertLossReportedExactly(BrokerFixture fixture, DiskLoad load, String topic, String group,
                                                  Map<Integer, Set<Long>> consumedFirst) throws Exception {
        String lostCount = Await.until("lost count to settle", Duration.ofSeconds(20), () -> {
            String before = runtimeInfo(fixture, "lostUnconsumedMsgCount");
            TimeUnit.MILLISECONDS.sleep(3L * CHECK_INTERVAL_MILLIS);
            return before.equals(runtimeInfo(fixture, "lostUnconsumedMsgCount")) ? before : null;
        }, v -> v != null && !v.equals("0"));
        DefaultMQPullConsumer reader = startedReader(fixture);
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

    /** A pull consumer that never commits an offset, shut down with the fixture. */
    static DefaultMQPullConsumer startedReader(BrokerFixture fixture) throws Exception {
        DefaultMQPullConsumer reader = new DefaultMQPullConsumer(BrokerFixture.unique("reader"));
        reader.setNamesrvAddr(fixture.namesrvAddr());
        reader.setVipChannelEnabled(false);
        reader.setInstanceName(BrokerFixture.unique("reader"));
        fixture.track(reader, reader::shutdown).start();
        return reader;
    }

    static String runtimeInfo(BrokerFixture fixture, String key) throws Exception {
        return fixture.admin.fetchBrokerRuntimeStats(fixture.broker.address()).getTable().get(key);
    }

    /** CometMQ's {@code mqadmin consumerProgress -g group}, as an operator runs it. */
    static String consumerProgress(BrokerFixture fixture, String group) throws Exception {
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

    static void sleepQuietly(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends 200 messages; {@code group} commits offsets past them without consuming; returns those offsets. */
    static Map<Integer, Set<Long>> commitFirstMessages(BrokerFixture fixture, DiskLoad load, DefaultMQProducer producer,
                                                      String topic, String group) throws Exception {
        for (int i = 0; i < 200; i++) {
            assertTrue(load.send(producer, topic));
        }
        // the retry topic a consumer's first heartbeat would create: mqadmin consumerProgress finds the group by it
        fixture.admin.createAndUpdateTopicConfig(fixture.broker.address(),
            new TopicConfig(MixAll.getRetryTopic(group), 1, 1, 6));
        Map<Integer, Set<Long>> committed = new ConcurrentHashMap<>();
        for (Map.Entry<Integer, Set<Long>> queue : load.sentOk.entrySet()) {
            long next = queue.getValue().stream().mapToLong(Long::longValue).max().orElse(-1) + 1;
            fixture.admin.updateConsumeOffset(fixture.broker.address(), group,
                new MessageQueue(topic, fixture.broker.brokerName(), queue.getKey()), next);
            committed.put(queue.getKey(), Set.copyOf(queue.getValue()));
        }
        return committed;
    }
}
