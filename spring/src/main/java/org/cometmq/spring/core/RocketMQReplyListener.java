package org.cometmq.spring.core;

/**
 * Answers the requests of {@code RocketMQTemplate.sendAndReceive}: the returned value is converted like a sent
 * payload and sent back to the requester.
 */
public interface RocketMQReplyListener<T, R> {
    /** Handles one request and returns the reply. */
    R onMessage(T message);
}
