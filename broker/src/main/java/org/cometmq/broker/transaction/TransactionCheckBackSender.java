package org.cometmq.broker.transaction;

import org.cometmq.common.message.MessageExt;

/** Asks a producer of a half message's group for the state of its transaction (CHECK_TRANSACTION_STATE). */
public interface TransactionCheckBackSender {

    /**
     * Sends the check for {@code half} (as stored at its current half queue position) to a live producer of its
     * PGROUP. Returns false when no producer of the group is connected or the message names no group.
     */
    boolean sendCheckMessage(MessageExt half);
}
