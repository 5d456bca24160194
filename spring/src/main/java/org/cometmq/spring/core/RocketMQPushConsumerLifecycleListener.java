package org.cometmq.spring.core;

import org.cometmq.client.consumer.DefaultMQPushConsumer;

/** Implemented by a listener that wants to adjust its push consumer before it starts. */
public interface RocketMQPushConsumerLifecycleListener {
    /** Called with the configured, not yet started consumer. */
    void prepareStart(DefaultMQPushConsumer consumer);
}
