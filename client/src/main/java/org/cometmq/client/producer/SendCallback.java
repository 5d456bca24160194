package org.cometmq.client.producer;

/** Completion of an asynchronous send; called once, on a client callback thread. */
public interface SendCallback {
    void onSuccess(SendResult sendResult);

    void onException(Throwable e);
}
