package org.cometmq.test.broker;

import static org.cometmq.test.broker.DiskPressureSupport.QUEUES;
import static org.cometmq.test.broker.DiskPressureSupport.assertLossReportedExactly;
import static org.cometmq.test.broker.DiskPressureSupport.commitFirstMessages;
import static org.cometmq.test.broker.DiskPressureSupport.settings;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.cometmq.test.harness.CrossProcess;
import org.junit.jupiter.api.Test;

/**
 * Expiry by fileReservedTime of data a group has not consumed (issue 20): reported like forced deletion, with
 * exactly the SEND_OK offsets that never arrived in the log lines, runtime info and mqadmin consumerProgress.
 */
@CrossProcess
class ExpiredDataLossIT {
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
            Map<Integer, Set<Long>> consumedFirst = commitFirstMessages(fixture, load, producer, topic, group);
            for (int i = 0; i < 4_000; i++) {
                assertTrue(load.send(producer, topic));
            }
            assertLossReportedExactly(fixture, load, topic, group, consumedFirst);
            String reasons = Files.readString(fixture.broker.logDir().resolve("store.log"));
            assertTrue(reasons.contains("reason=older than fileReservedTime=0h"), "the reason is expiry");
        }
    }

}
