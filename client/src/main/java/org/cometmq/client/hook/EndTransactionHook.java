package org.cometmq.client.hook;

/** Told of every transaction outcome the producer reports to the broker (after the local transaction or a check). */
public interface EndTransactionHook {
    String hookName();

    void endTransaction(EndTransactionContext context);
}
