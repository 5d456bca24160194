package org.cometmq.client.producer;

import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageExt;

/** The application's side of a transactional send. */
public interface TransactionListener {
    /** Runs the local transaction after the half message is stored; the answer commits or rolls it back. */
    LocalTransactionState executeLocalTransaction(Message msg, Object arg);

    /** Answers the broker's check-back for a half message whose outcome it never learned. */
    LocalTransactionState checkLocalTransaction(MessageExt msg);
}
