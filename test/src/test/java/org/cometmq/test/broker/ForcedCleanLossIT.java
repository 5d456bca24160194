package org.cometmq.test.broker;

import static org.cometmq.test.broker.DiskPressureSupport.BODY_SIZE;
import static org.cometmq.test.broker.DiskPressureSupport.FILL_LIMIT;
import static org.cometmq.test.broker.DiskPressureSupport.MAX_SENDS;
import static org.cometmq.test.broker.DiskPressureSupport.QUEUES;
import static org.cometmq.test.broker.DiskPressureSupport.assertLossReportedExactly;
import static org.cometmq.test.broker.DiskPressureSupport.commitFirstMessages;
import static org.cometmq.test.broker.DiskPressureSupport.runtimeInfo;
import static org.cometmq.test.broker.DiskPressureSupport.startOnTmpfs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.cometmq.test.harness.CrossProcess;
import org.junit.jupiter.api.Test;

/**
 * cleanFileForciblyEnable=true (4.9.7's behaviour) on a broker whose store sits on a small tmpfs, while a group
 * that committed its first messages stays offline (issue 20): unconsumed data is deleted, and the log lines,
 * runtime info and mqadmin consumerProgress name exactly the SEND_OK offsets that never arrived.
 */
@CrossProcess
class ForcedCleanLossIT {
    @Test
    void cleanFileForciblyEnableDeletesAsApacheAndNamesEveryLostOffset() throws Exception {
        try (BrokerFixture fixture = startOnTmpfs("disk-forcibly", true)) {
            String topic = fixture.createTopic("DiskForcibly", QUEUES, 6);
            String group = BrokerFixture.unique("lagging");
            DiskLoad load = new DiskLoad(BODY_SIZE);
            DefaultMQProducer producer = fixture.producer("disk-forcibly");
            producer.setRetryTimesWhenSendFailed(0);
            Map<Integer, Set<Long>> consumedFirst = commitFirstMessages(fixture, load, producer, topic, group);

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

}
