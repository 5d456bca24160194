package org.cometmq.client.consumer.listener;

/** Outcome of a concurrent consumption. */
public enum ConsumeConcurrentlyStatus {
    /** All messages up to the context's ackIndex are done. */
    CONSUME_SUCCESS,
    /** Deliver the (remaining) messages again later. */
    RECONSUME_LATER
}
