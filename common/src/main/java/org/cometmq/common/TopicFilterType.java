package org.cometmq.common;

/** How a topic's tags are matched: one tag per message, or several (sets MULTI_TAGS_FLAG on stored messages). */
public enum TopicFilterType {
    SINGLE_TAG,
    MULTI_TAG
}
