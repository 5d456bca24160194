package org.cometmq.spring.core;

/** Receives the reply of an asynchronous {@code sendAndReceive}, converted to {@code T}. */
public interface RocketMQLocalRequestCallback<T> {
    /** The reply arrived. */
    void onSuccess(T message);

    /** The request failed or timed out. */
    void onException(Throwable e);
}
