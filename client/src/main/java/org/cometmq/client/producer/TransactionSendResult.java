package org.cometmq.client.producer;

/** Result of a transactional send: the half message's send result plus the local transaction's outcome. */
public class TransactionSendResult extends SendResult {
    private LocalTransactionState localTransactionState;

    public LocalTransactionState getLocalTransactionState() {
        return localTransactionState;
    }

    public void setLocalTransactionState(LocalTransactionState localTransactionState) {
        this.localTransactionState = localTransactionState;
    }
}
