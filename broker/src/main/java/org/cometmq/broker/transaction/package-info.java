/**
 * Transactional messages on the broker (spec 4.10, 9.9).
 *
 * <p>A prepared send is parked by {@link org.cometmq.broker.transaction.TransactionalMessageBridge} as a half
 * message in {@code RMQ_SYS_TRANS_HALF_TOPIC} queue 0, invisible to consumers. END_TRANSACTION
 * ({@code processor.EndTransactionProcessor}) commits it (real message written) or rolls it back; either way an op
 * record in {@code RMQ_SYS_TRANS_OP_HALF_TOPIC} ends it. {@link
 * org.cometmq.broker.transaction.TransactionalMessageCheckService} runs {@link
 * org.cometmq.broker.transaction.TransactionalMessageChecker} rounds that ask a live producer of the group
 * ({@link org.cometmq.broker.transaction.ProducerCheckBackSender}) about half messages left open too long, and
 * discard those nobody answers. {@link org.cometmq.broker.transaction.HalfMessages} builds every message involved.
 */
package org.cometmq.broker.transaction;
