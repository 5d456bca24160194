package org.cometmq.client.impl.consumer;

import java.time.Clock;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.client.producer.DefaultMQProducer;

/**
 * What a push consumer's consume service works with, handed down by the consumer when it starts: its settings,
 * offset store, rebalance (process queues, orderly locks), statistics, consume hooks, the send-back of failed
 * messages, the client's inner producer (orderly consumers re-send to the retry topic with it), and the client's
 * clock, on which consume timeouts and the orderly consumer's time slice are judged.
 */
record ConsumeServiceParts(DefaultMQPushConsumer consumer, OffsetStore offsetStore, RebalanceImpl rebalance,
    ConsumeStatsRecorder stats, ConsumeMessageHooks hooks, MessageSendBack sendBack, DefaultMQProducer innerProducer,
    Clock clock) {
}
