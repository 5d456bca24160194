package org.cometmq.spring.core;

/**
 * Receives the messages of a {@code @RocketMQMessageListener}. {@code T} is the payload type: {@code String},
 * {@code byte[]}, {@code MessageExt}, Spring's {@code Message}, or any class the message converter reads (JSON by
 * default). Throwing makes the message be redelivered.
 */
public interface RocketMQListener<T> {
    /** Handles one message. */
    void onMessage(T message);
}
