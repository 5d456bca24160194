package org.cometmq.example.transaction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cometmq.client.producer.LocalTransactionState;
import org.cometmq.client.producer.TransactionListener;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageExt;

/**
 * A stand-in for real local transactions: order {@code i} commits when i % 3 == 0, rolls back when
 * i % 3 == 1, and otherwise answers "unknown" at first; when the broker checks back later it commits.
 * A real application would look the outcome up in its database by the transaction id or a message key.
 */
public class TransactionListenerImpl implements TransactionListener {
    private final Map<String, Integer> checksByTransactionId = new ConcurrentHashMap<>();

    @Override
    public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
        int order = (Integer) arg;
        LocalTransactionState state = switch (order % 3) {
            case 0 -> LocalTransactionState.COMMIT_MESSAGE;
            case 1 -> LocalTransactionState.ROLLBACK_MESSAGE;
            default -> LocalTransactionState.UNKNOW;
        };
        System.out.printf("local transaction of %s: %s%n", msg.getKeys(), state);
        return state;
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt msg) {
        int checks = checksByTransactionId.merge(msg.getTransactionId(), 1, Integer::sum);
        System.out.printf("broker check-back #%d for %s: COMMIT_MESSAGE%n", checks, msg.getKeys());
        return LocalTransactionState.COMMIT_MESSAGE;
    }
}
