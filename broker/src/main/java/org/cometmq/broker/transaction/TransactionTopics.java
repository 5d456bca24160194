package org.cometmq.broker.transaction;

import org.cometmq.common.MixAll;
import org.cometmq.common.topic.TopicValidator;

/** Names the transaction machinery stores under (spec 8.1, 8.3, 9.9). */
public final class TransactionTopics {
    /** Half (prepared) messages, all in queue {@link #HALF_QUEUE_ID}. */
    public static final String HALF_TOPIC = TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC;
    /** One op record per ended transaction; body = the half message's queue offset. */
    public static final String OP_TOPIC = TopicValidator.RMQ_SYS_TRANS_OP_HALF_TOPIC;
    /** Half messages checked {@code transactionCheckMax} times without an answer; never delivered. */
    public static final String CHECK_MAX_TIME_TOPIC = TopicValidator.RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC;
    public static final int HALF_QUEUE_ID = 0;
    /** Tag of op records: "d" for deleted (committed or rolled back). */
    public static final String REMOVE_TAG = "d";
    /** The consumer group whose offsets on the half and op queues record the check service's progress. */
    public static final String CHECK_PROGRESS_GROUP = MixAll.CID_SYS_RMQ_TRANS;

    private TransactionTopics() {
    }
}
