package org.cometmq.broker.stats;

/**
 * Told of the traffic the {@link BrokerStatsManager} counts, with the detail metrics need (message type, queue,
 * the next offset a pull hands out). Called on request threads: implementations must be quick and lock-free.
 */
public interface TrafficObserver {
    TrafficObserver NONE = new TrafficObserver() {
    };

    /** {@code count} messages of {@code bytes} stored bytes were put into {@code topic}. */
    default void messagesIn(String topic, MessageType type, int count, long bytes) {
    }

    /** A pull of {@code group} took {@code count} messages ({@code bytes}) from a queue; next offset to pull. */
    default void messagesOut(String group, String topic, int queueId, int count, long bytes, long nextOffset) {
    }

    /** A message of {@code topic} that {@code group} failed to consume too often was stored in its DLQ. */
    default void sentToDlq(String group, String topic) {
    }

    /** The message types of RocketMQ 5's {@code message_type} label that a 4.x send can carry. */
    enum MessageType {
        NORMAL("normal"),
        DELAY("delay"),
        TRANSACTION("transaction");

        private final String label;

        MessageType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
