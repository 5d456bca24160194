package org.cometmq.client.consumer;

/** Outcome of one pull request. */
public enum PullStatus {
    /** Messages were found (response code SUCCESS). */
    FOUND,
    /** No new message in the queue (PULL_NOT_FOUND). */
    NO_NEW_MSG,
    /** Messages were read but none matched the subscription (PULL_RETRY_IMMEDIATELY). */
    NO_MATCHED_MSG,
    /** Deprecated, never returned by the broker. */
    NO_LATEST_MSG,
    /** The requested offset is outside the queue (PULL_OFFSET_MOVED); continue from nextBeginOffset. */
    OFFSET_ILLEGAL
}
