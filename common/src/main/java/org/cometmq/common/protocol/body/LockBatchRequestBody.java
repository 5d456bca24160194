package org.cometmq.common.protocol.body;

/** LOCK_BATCH_MQ body: the queues a client of a consumer group wants to hold for orderly consumption. */
public class LockBatchRequestBody extends QueueBatchRequestBody {
}
