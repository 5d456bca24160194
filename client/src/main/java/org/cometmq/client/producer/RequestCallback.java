package org.cometmq.client.producer;

import org.cometmq.common.message.Message;

/** Receives the outcome of an asynchronous {@code request}: the reply message, or why there is none. */
public interface RequestCallback {
    /** The reply arrived. */
    void onSuccess(Message message);

    /** The request could not be sent, or no reply arrived within the timeout ({@code RequestTimeoutException}). */
    void onException(Throwable e);
}
