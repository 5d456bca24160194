package org.cometmq.client.impl.consumer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.cometmq.common.protocol.body.ConsumeStatus;

/**
 * Per-topic pull and consume counters of one consumer, reported in its running info (GET_CONSUMER_RUNNING_INFO).
 * Rates are averages over the time since the previous report, so a report shows the current pace.
 */
public class ConsumeStatsRecorder {
    private final ConcurrentMap<String, TopicCounters> topics = new ConcurrentHashMap<>();

    public void recordPull(String topic, long rtMillis, int messages) {
        TopicCounters c = counters(topic);
        c.pullRequests.increment();
        c.pullRtTotal.add(rtMillis);
        c.pulledMessages.add(messages);
    }

    /** @param okCount how many of {@code total} messages were consumed successfully */
    public void recordConsume(String topic, long rtMillis, int okCount, int total) {
        TopicCounters c = counters(topic);
        c.consumeCalls.increment();
        c.consumeRtTotal.add(rtMillis);
        c.consumeOk.add(okCount);
        c.consumeFailed.add(total - okCount);
        c.consumeFailedTotal.add(total - okCount);
    }

    /** The status of {@code topic} since the previous call, and resets the interval counters. */
    public ConsumeStatus consumeStatus(String topic) {
        TopicCounters c = counters(topic);
        long now = System.currentTimeMillis();
        double seconds = Math.max(1, now - c.intervalStart) / 1000.0;
        c.intervalStart = now;
        ConsumeStatus status = new ConsumeStatus();
        long pulls = c.pullRequests.sumThenReset();
        long calls = c.consumeCalls.sumThenReset();
        status.setPullRT(pulls == 0 ? 0 : (double) c.pullRtTotal.sumThenReset() / pulls);
        status.setPullTPS(c.pulledMessages.sumThenReset() / seconds);
        status.setConsumeRT(calls == 0 ? 0 : (double) c.consumeRtTotal.sumThenReset() / calls);
        status.setConsumeOKTPS(c.consumeOk.sumThenReset() / seconds);
        status.setConsumeFailedTPS(c.consumeFailed.sumThenReset() / seconds);
        status.setConsumeFailedMsgs(c.consumeFailedTotal.sum());
        return status;
    }

    private TopicCounters counters(String topic) {
        return topics.computeIfAbsent(topic, t -> new TopicCounters());
    }

    /** Counters of one topic. */
    private static final class TopicCounters {
        private final LongAdder pullRequests = new LongAdder();
        private final LongAdder pullRtTotal = new LongAdder();
        private final LongAdder pulledMessages = new LongAdder();
        private final LongAdder consumeCalls = new LongAdder();
        private final LongAdder consumeRtTotal = new LongAdder();
        private final LongAdder consumeOk = new LongAdder();
        private final LongAdder consumeFailed = new LongAdder();
        private final LongAdder consumeFailedTotal = new LongAdder();
        private volatile long intervalStart = System.currentTimeMillis();
    }
}
