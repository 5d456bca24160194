package org.cometmq.tools.admin.api;

/** What a consumer group has done with one message (see {@code MQAdminExt.messageTrackDetail}). */
public enum TrackType {
    CONSUMED,
    CONSUMED_BUT_FILTERED,
    PULL,
    NOT_CONSUME_YET,
    NOT_ONLINE,
    UNKNOWN
}
