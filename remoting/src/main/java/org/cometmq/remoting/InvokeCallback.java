package org.cometmq.remoting;

import org.cometmq.remoting.netty.ResponseFuture;

/** Completion of an asynchronous invocation: a response arrived, the send failed, or the request timed out. */
public interface InvokeCallback {

    void operationComplete(ResponseFuture responseFuture);
}
