package org.cometmq.broker.metrics;

/**
 * Where one group stands on one topic of this broker, summed over the queues it committed offsets for:
 * lag = max offset - committed offset; in flight = pulled offset - committed; ready = max - pulled. The
 * latencies are the age of the oldest unconsumed (lag) and oldest not yet pulled (queueing) message.
 */
record ConsumerLag(String group, String topic, long lag, long lagLatencyMillis, long inflight, long ready,
                   long queueingLatencyMillis) {
}
