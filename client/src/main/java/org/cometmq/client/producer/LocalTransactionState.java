package org.cometmq.client.producer;

/** What the application decided about a transaction's half message; UNKNOW makes the broker ask again later. */
public enum LocalTransactionState {
    COMMIT_MESSAGE,
    ROLLBACK_MESSAGE,
    UNKNOW,
}
