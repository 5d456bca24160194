package org.cometmq.common.protocol.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeMap;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.junit.jupiter.api.Test;

class ConsumerRunningInfoReportTest {
    private static final long NOW = 1_700_000_000_000L;

    @Test
    void formatStringHasThe497SectionsAndColumns() {
        ConsumerRunningInfo info = pushConsumer(NOW - 1_000, "T", "*");
        ProcessQueueInfo pq = new ProcessQueueInfo();
        pq.setCommitOffset(12);
        pq.setLastConsumeTimestamp(NOW);
        info.getMqTable().put(new MessageQueue("T", "broker-a", 0), pq);
        ConsumeStatus status = new ConsumeStatus();
        status.setPullRT(1.5);
        status.setConsumeFailedMsgs(3);
        info.getStatusTable().put("T", status);
        String text = info.formatString();
        String pad40 = " ".repeat(40 - "PROP_CONSUME_TYPE".length());
        assertTrue(text.startsWith("#Consumer Properties#\n"), text);
        assertTrue(text.contains("PROP_CONSUME_TYPE" + pad40 + ": CONSUME_PASSIVELY\n"), text);
        assertTrue(text.contains("\n\n#Consumer Subscription#\n001 Topic: T" + " ".repeat(39)
            + " ClassFilter: false    SubExpression: *\n"), text);
        assertTrue(text.contains("\n\n#Consumer Offset#\n#Topic" + " ".repeat(58) + "  #Broker Name" + " ".repeat(20)
            + "  #QID  #Consumer Offset    \nT" + " ".repeat(31) + "  broker-a" + " ".repeat(24) + "  0     12"
            + " ".repeat(18) + "\n"), text);
        assertTrue(text.contains("  0     ProcessQueueInfo [commitOffset=12, "), text);
        assertTrue(text.contains("lastConsumeTimestamp=" + UtilAll.timeMillisToHumanString(NOW) + "]\n"), text);
        assertTrue(text.endsWith("\n\n#Consumer RT&TPS#\n#Topic" + " ".repeat(58) + "        #Pull RT      #Pull TPS"
            + "    #Consume RT #ConsumeOK TPS #ConsumeFailed TPS  #ConsumeFailedMsgsInHour\nT" + " ".repeat(31)
            + "            1.50           0.00           0.00           0.00               0.00"
            + "                         3\n"), text);
    }

    @Test
    void subscriptionsDifferOnlyForPushConsumersRunningForTwoMinutes() {
        TreeMap<String, ConsumerRunningInfo> table = new TreeMap<>();
        table.put("c1", pushConsumer(NOW - 200_000, "T", "*"));
        table.put("c2", pushConsumer(NOW - 200_000, "T", "tagA"));
        assertFalse(ConsumerRunningInfo.analyzeSubscription(table, NOW));
        table.put("c1", pushConsumer(NOW - 1_000, "T", "*"));
        assertTrue(ConsumerRunningInfo.analyzeSubscription(table, NOW));
        table.put("c1", pushConsumer(NOW - 200_000, "T", "tagA"));
        assertTrue(ConsumerRunningInfo.analyzeSubscription(table, NOW));
        assertTrue(ConsumerRunningInfo.analyzeRebalance(table));
    }

    @Test
    void aConcurrentQueueWithCachedMessagesAndNoConsumptionForAMinuteLooksBlocked() {
        ConsumerRunningInfo info = pushConsumer(NOW, "T", "*");
        ProcessQueueInfo pq = new ProcessQueueInfo();
        pq.setCachedMsgCount(5);
        pq.setLastConsumeTimestamp(NOW - 61_000);
        MessageQueue mq = new MessageQueue("T", "broker-a", 0);
        info.getMqTable().put(mq, pq);
        assertEquals("c1 " + mq + " can't consume for a while, maybe blocked, 61000ms\n",
            ConsumerRunningInfo.analyzeProcessQueue("c1", info, NOW));
        info.getProperties().setProperty(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, "true");
        pq.setLastLockTimestamp(NOW - 5);
        assertEquals("c1 " + mq + " can't lock for a while, 5ms\n",
            ConsumerRunningInfo.analyzeProcessQueue("c1", info, NOW));
    }

    private static ConsumerRunningInfo pushConsumer(long started, String topic, String expression) {
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        info.getProperties().setProperty(ConsumerRunningInfo.PROP_CONSUME_TYPE, "CONSUME_PASSIVELY");
        info.getProperties().setProperty(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, Long.toString(started));
        info.getSubscriptionSet().add(new SubscriptionData(topic, expression));
        return info;
    }
}
