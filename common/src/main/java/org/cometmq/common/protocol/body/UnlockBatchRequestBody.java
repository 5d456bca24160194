package org.cometmq.common.protocol.body;

/** UNLOCK_BATCH_MQ body: the queues a client of a consumer group releases. */
public class UnlockBatchRequestBody extends QueueBatchRequestBody {
}
