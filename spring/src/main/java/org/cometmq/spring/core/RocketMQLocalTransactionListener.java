package org.cometmq.spring.core;

import org.springframework.messaging.Message;

/** The application's side of {@code RocketMQTemplate.sendMessageInTransaction}. */
public interface RocketMQLocalTransactionListener {
    /** Runs the local transaction after the half message is stored. */
    RocketMQLocalTransactionState executeLocalTransaction(Message msg, Object arg);

    /** Answers the broker's check-back for a half message whose outcome it never learned. */
    RocketMQLocalTransactionState checkLocalTransaction(Message msg);
}
