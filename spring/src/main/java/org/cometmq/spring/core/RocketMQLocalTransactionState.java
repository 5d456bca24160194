package org.cometmq.spring.core;

/** The outcome of a local transaction, as told to the broker. */
public enum RocketMQLocalTransactionState {
    /** Deliver the half message. */
    COMMIT,
    /** Drop the half message. */
    ROLLBACK,
    /** Not decided yet: the broker checks back later. */
    UNKNOWN
}
