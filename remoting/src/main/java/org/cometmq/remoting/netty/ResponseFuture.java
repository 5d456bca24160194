package org.cometmq.remoting.netty;

import io.netty.channel.Channel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cometmq.remoting.InvokeCallback;
import org.cometmq.remoting.common.SemaphoreReleaseOnlyOnce;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * An outstanding request, keyed by opaque in the response table. It completes once: with the response, with a
 * send failure ({@link #isSendRequestOK()} false, cause set) or with a timeout (no response, send OK, cause set).
 */
public class ResponseFuture {
    private final Channel processChannel;
    private final int opaque;
    private final long timeoutMillis;
    private final InvokeCallback invokeCallback;
    private final long beginTimestamp = System.currentTimeMillis();
    private final CountDownLatch countDownLatch = new CountDownLatch(1);
    private final SemaphoreReleaseOnlyOnce once;
    private final AtomicBoolean executeCallbackOnlyOnce = new AtomicBoolean(false);
    private volatile RemotingCommand responseCommand;
    private volatile boolean sendRequestOK = true;
    private volatile Throwable cause;

    public ResponseFuture(Channel channel, int opaque, long timeoutMillis, InvokeCallback invokeCallback,
        SemaphoreReleaseOnlyOnce once) {
        this.processChannel = channel;
        this.opaque = opaque;
        this.timeoutMillis = timeoutMillis;
        this.invokeCallback = invokeCallback;
        this.once = once;
    }

    /** Runs the callback, at most once whatever path completes the future. */
    public void executeInvokeCallback() {
        if (invokeCallback != null && executeCallbackOnlyOnce.compareAndSet(false, true)) {
            invokeCallback.operationComplete(this);
        }
    }

    /** Returns the semaphore permit held by this request, if any (idempotent). */
    public void release() {
        if (once != null) {
            once.release();
        }
    }

    public boolean isTimeout() {
        return System.currentTimeMillis() - beginTimestamp > timeoutMillis;
    }

    /** Waits up to {@code timeoutMillis} for {@link #putResponse}; returns the response, or null on timeout or failure. */
    public RemotingCommand waitResponse(long timeoutMillis) throws InterruptedException {
        countDownLatch.await(timeoutMillis, TimeUnit.MILLISECONDS);
        return responseCommand;
    }

    /** Completes the future (null response for a failure) and wakes a sync waiter. */
    public void putResponse(RemotingCommand responseCommand) {
        this.responseCommand = responseCommand;
        countDownLatch.countDown();
    }

    public long getBeginTimestamp() {
        return beginTimestamp;
    }

    public boolean isSendRequestOK() {
        return sendRequestOK;
    }

    public void setSendRequestOK(boolean sendRequestOK) {
        this.sendRequestOK = sendRequestOK;
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public InvokeCallback getInvokeCallback() {
        return invokeCallback;
    }

    public Throwable getCause() {
        return cause;
    }

    public void setCause(Throwable cause) {
        this.cause = cause;
    }

    public RemotingCommand getResponseCommand() {
        return responseCommand;
    }

    public void setResponseCommand(RemotingCommand responseCommand) {
        this.responseCommand = responseCommand;
    }

    public int getOpaque() {
        return opaque;
    }

    public Channel getProcessChannel() {
        return processChannel;
    }

    @Override
    public String toString() {
        return "ResponseFuture [opaque=" + opaque + ", sendRequestOK=" + sendRequestOK + ", timeoutMillis=" + timeoutMillis
            + ", beginTimestamp=" + beginTimestamp + ", responseCommand=" + responseCommand + "]";
    }
}
