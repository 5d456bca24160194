package org.cometmq.client.latency;

import java.time.Clock;
import org.cometmq.client.impl.producer.TopicPublishInfo;
import org.cometmq.common.message.MessageQueue;

/**
 * Queue selection for sends. Without latency fault avoidance: round robin, skipping the broker that just failed.
 * With it ({@code sendLatencyFaultEnable}): each send's latency puts its broker aside for a while
 * (latency >= latencyMax[i] -> notAvailableDuration[i]; a failure counts as 30 s), and queues of brokers set aside
 * are skipped while another queue is available.
 */
public class MQFaultStrategy {
    private volatile LatencyFaultTolerance<String> latencyFaultTolerance;
    private boolean sendLatencyFaultEnable = false;
    private long[] latencyMax = {50L, 100L, 550L, 1000L, 2000L, 3000L, 15000L};
    private long[] notAvailableDuration = {0L, 0L, 30000L, 60000L, 120000L, 180000L, 600000L};

    public MQFaultStrategy() {
        this(new LatencyFaultToleranceImpl());
    }

    public MQFaultStrategy(LatencyFaultTolerance<String> latencyFaultTolerance) {
        this.latencyFaultTolerance = latencyFaultTolerance;
    }

    /**
     * Moves the fault windows onto {@code clock} (a started producer's client clock), keeping every setting. Faults
     * recorded so far are dropped: a producer calls this at start, before its first send.
     */
    public void runOn(Clock clock) {
        this.latencyFaultTolerance = new LatencyFaultToleranceImpl(clock);
    }

    /** The queue for the next attempt; {@code lastBrokerName} is the broker of the failed previous attempt. */
    public MessageQueue selectOneMessageQueue(TopicPublishInfo tpInfo, String lastBrokerName) {
        if (!sendLatencyFaultEnable) {
            return tpInfo.selectOneMessageQueue(lastBrokerName);
        }
        int size = tpInfo.getMessageQueueList().size();
        for (int i = 0; i < size; i++) {
            int index = tpInfo.getSendWhichQueue().incrementAndGet();
            MessageQueue mq = tpInfo.getMessageQueueList().get(index % size);
            if (latencyFaultTolerance.isAvailable(mq.getBrokerName())) {
                return mq;
            }
        }
        String notBestBroker = latencyFaultTolerance.pickOneAtLeast();
        int writeQueueNums = notBestBroker == null ? -1 : tpInfo.getQueueIdByBroker(notBestBroker);
        if (writeQueueNums > 0) {
            int index = tpInfo.getSendWhichQueue().incrementAndGet();
            return new MessageQueue(tpInfo.getMessageQueueList().get(0).getTopic(), notBestBroker,
                index % writeQueueNums);
        }
        if (notBestBroker != null) {
            latencyFaultTolerance.remove(notBestBroker);
        }
        return tpInfo.selectOneMessageQueue();
    }

    /** Records a send's latency; {@code isolation} (a failed send) counts as 30 s. */
    public void updateFaultItem(String brokerName, long currentLatency, boolean isolation) {
        if (sendLatencyFaultEnable) {
            long duration = computeNotAvailableDuration(isolation ? 30000 : currentLatency);
            latencyFaultTolerance.updateFaultItem(brokerName, currentLatency, duration);
        }
    }

    /** notAvailableDuration[i] for the largest i with {@code currentLatency >= latencyMax[i]}, else 0. */
    public long computeNotAvailableDuration(long currentLatency) {
        for (int i = latencyMax.length - 1; i >= 0; i--) {
            if (currentLatency >= latencyMax[i]) {
                return notAvailableDuration[i];
            }
        }
        return 0;
    }

    public LatencyFaultTolerance<String> getLatencyFaultTolerance() {
        return latencyFaultTolerance;
    }

    public boolean isSendLatencyFaultEnable() {
        return sendLatencyFaultEnable;
    }

    public void setSendLatencyFaultEnable(boolean sendLatencyFaultEnable) {
        this.sendLatencyFaultEnable = sendLatencyFaultEnable;
    }

    public long[] getLatencyMax() {
        return latencyMax;
    }

    public void setLatencyMax(long[] latencyMax) {
        this.latencyMax = latencyMax;
    }

    public long[] getNotAvailableDuration() {
        return notAvailableDuration;
    }

    public void setNotAvailableDuration(long[] notAvailableDuration) {
        this.notAvailableDuration = notAvailableDuration;
    }
}
