package org.cometmq.client.consumer.listener;

/** Outcome of an orderly consumption. */
public enum ConsumeOrderlyStatus {
    /** Done; the offset moves past these messages. */
    SUCCESS,
    /** Only meaningful with auto-commit off: put the messages back as not consumed. */
    @Deprecated
    ROLLBACK,
    /** Only meaningful with auto-commit off: commit the offset now. */
    @Deprecated
    COMMIT,
    /** Stop this queue for a while, then consume the same messages again. */
    SUSPEND_CURRENT_QUEUE_A_MOMENT
}
