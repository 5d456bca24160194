package org.cometmq.client.impl.consumer;

import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.store.ReadOffsetType;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.ConsumeStatus;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.protocol.body.ProcessQueueInfo;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers what brokers and admin tools ask of a push consumer: its running info, and offset resets. */
final class PushConsumerRequests {
    private static final Logger LOG = LoggerFactory.getLogger(PushConsumerRequests.class);
    /** Pause between dropping the queues and writing the new offsets, so batches in flight can finish. */
    private static final long RESET_SETTLE_MILLIS = 10_000;

    private PushConsumerRequests() {
    }

    static ConsumerRunningInfo runningInfo(DefaultMQPushConsumerImpl impl) {
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        Properties prop = MixAll.object2Properties(impl.getDefaultMQPushConsumer());
        prop.put(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, String.valueOf(impl.isConsumeOrderly()));
        prop.put(ConsumerRunningInfo.PROP_THREADPOOL_CORE_SIZE, String.valueOf(
            impl.getConsumeMessageService() == null ? 0 : impl.getConsumeMessageService().getCorePoolSize()));
        prop.put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, String.valueOf(impl.getConsumerStartTimestamp()));
        info.setProperties(prop);
        TreeSet<SubscriptionData> subscriptions = new TreeSet<>(impl.subscriptions());
        info.setSubscriptionSet(subscriptions);
        TreeMap<MessageQueue, ProcessQueueInfo> mqTable = new TreeMap<>();
        for (Map.Entry<MessageQueue, ProcessQueue> entry : impl.getRebalanceImpl().getProcessQueueTable().entrySet()) {
            ProcessQueueInfo pqInfo = new ProcessQueueInfo();
            pqInfo.setCommitOffset(impl.getOffsetStore().readOffset(entry.getKey(),
                ReadOffsetType.MEMORY_FIRST_THEN_STORE));
            entry.getValue().fillProcessQueueInfo(pqInfo);
            mqTable.put(entry.getKey(), pqInfo);
        }
        info.setMqTable(mqTable);
        TreeMap<String, ConsumeStatus> statusTable = new TreeMap<>();
        for (SubscriptionData sd : subscriptions) {
            statusTable.put(sd.getTopic(), impl.getConsumeStats().consumeStatus(sd.getTopic()));
        }
        info.setStatusTable(statusTable);
        return info;
    }

    /**
     * RESET_CONSUMER_CLIENT_OFFSET: pause, drop the topic's queues, let running batches finish, write the new
     * offsets to the broker, resume (the next rebalance re-adds the queues at the new offsets). Runs on its own
     * thread so the remoting thread that delivered the request is not held for the settle time.
     */
    static void resetOffsetInBackground(DefaultMQPushConsumerImpl impl, String topic, Map<MessageQueue, Long> offsets) {
        Thread worker = new Thread(() -> resetOffset(impl, topic, offsets), "ResetOffsetThread_" + impl.groupName());
        worker.setDaemon(true);
        worker.start();
    }

    private static void resetOffset(DefaultMQPushConsumerImpl impl, String topic, Map<MessageQueue, Long> offsets) {
        ConcurrentMap<MessageQueue, ProcessQueue> table = impl.getRebalanceImpl().getProcessQueueTable();
        impl.suspend();
        try {
            for (Map.Entry<MessageQueue, ProcessQueue> entry : table.entrySet()) {
                if (topic.equals(entry.getKey().getTopic()) && offsets.containsKey(entry.getKey())) {
                    entry.getValue().setDropped(true);
                    entry.getValue().clear();
                }
            }
            TimeUnit.MILLISECONDS.sleep(RESET_SETTLE_MILLIS);
            Iterator<Map.Entry<MessageQueue, ProcessQueue>> it = table.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<MessageQueue, ProcessQueue> entry = it.next();
                Long offset = offsets.get(entry.getKey());
                if (topic.equals(entry.getKey().getTopic()) && offset != null) {
                    impl.getOffsetStore().updateOffset(entry.getKey(), offset, false);
                    impl.getRebalanceImpl().removeUnnecessaryMessageQueue(entry.getKey(), entry.getValue());
                    it.remove();
                    LOG.info("group {}: {} reset to offset {}", impl.groupName(), entry.getKey(), offset);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("group {}: offset reset of topic {} failed", impl.groupName(), topic, e);
        } finally {
            impl.resume();
        }
    }
}
