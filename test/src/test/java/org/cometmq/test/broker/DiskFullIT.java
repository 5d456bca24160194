package org.cometmq.test.broker;

import static org.cometmq.test.broker.DiskPressureSupport.BODY_SIZE;
import static org.cometmq.test.broker.DiskPressureSupport.CHECK_INTERVAL_MILLIS;
import static org.cometmq.test.broker.DiskPressureSupport.FILL_LIMIT;
import static org.cometmq.test.broker.DiskPressureSupport.MAX_SENDS;
import static org.cometmq.test.broker.DiskPressureSupport.QUEUES;
import static org.cometmq.test.broker.DiskPressureSupport.TMPFS_SIZE;
import static org.cometmq.test.broker.DiskPressureSupport.runtimeInfo;
import static org.cometmq.test.broker.DiskPressureSupport.slowConsumer;
import static org.cometmq.test.broker.DiskPressureSupport.startOnTmpfs;
import static org.cometmq.test.broker.DiskPressureSupport.startedReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
 * A SYNC_FLUSH broker whose store sits on a small tmpfs, filled by a producer while a group consumes slowly
 * (issue 20), with the default cleanFileForciblyEnable=false: nothing unconsumed is deleted, sends are refused
 * with 4.9.7's disk-full code and remark while full, reads go on, sends resume within one check interval of the
 * group catching up, and every SEND_OK message is consumed.
 */
@CrossProcess
class DiskFullIT {
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

            fillUntilRefused(load, producer, topic);
            assertTrue(load.refusalRemark.startsWith(DiskLoad.DISK_FULL_REMARK), load.refusalRemark);
            // The slow group frees a file now and then, and sends resume; held, it frees nothing: full it stays.
            pauseMillis.set(-1);
            TimeUnit.MILLISECONDS.sleep(3L * CHECK_INTERVAL_MILLIS);
            fillUntilRefused(load, producer, topic);
            keepRefused(load, producer, topic, Duration.ofSeconds(2));
            MessageQueue queue = new MessageQueue(topic, fixture.broker.brokerName(), 0);
            PullResult read = startedReader(fixture).pull(queue, "*", fixture.admin.minOffset(queue), 8, 5_000);
            assertEquals(PullStatus.FOUND, read.getPullStatus(), "reads go on while sends are refused");

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
            System.out.println(load.report("disk past diskMaxUsedSpaceRatio, slow group", received));
            assertEquals("0", runtimeInfo(fixture, "lostUnconsumedMsgCount"));
            assertFalse(Files.readString(fixture.broker.logDir().resolve("store.log")).contains("lost unconsumed"));
        }
    }

    /** Sends until a send is refused as disk full. */
    private static void fillUntilRefused(DiskLoad load, DefaultMQProducer producer, String topic) throws Exception {
        long deadline = System.nanoTime() + FILL_LIMIT.toNanos();
        for (int i = 0; i < MAX_SENDS && System.nanoTime() < deadline; i++) {
            if (!load.send(producer, topic)) {
                return;
            }
        }
        throw new AssertionError("no disk-full refusal after " + load.sentOkCount() + " SEND_OK on a " + TMPFS_SIZE
            + " tmpfs");
    }

    /** Keeps offering sends for {@code period}: every one must be refused while the group is held. */
    private static void keepRefused(DiskLoad load, DefaultMQProducer producer, String topic, Duration period)
        throws Exception {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            assertFalse(load.send(producer, topic), "a send was accepted while the disk is full");
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
