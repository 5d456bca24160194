package org.cometmq.client.producer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cometmq.common.message.Message;

/**
 * One outstanding request, keyed by its correlation id in {@link RequestFutureHolder}: a sync caller waits on it,
 * an async caller's {@link RequestCallback} is run from it exactly once (reply, send failure or timeout).
 */
public class RequestResponseFuture {
    private final String correlationId;
    private final RequestCallback requestCallback;
    private final long beginTimestamp = System.currentTimeMillis();
    private final Message requestMsg = null;
    private long timeoutMillis;
    private CountDownLatch countDownLatch = new CountDownLatch(1);
    private volatile Message responseMsg = null;
    private volatile boolean sendRequestOk = true;
    private volatile Throwable cause = null;
    /** The reply path and the timeout scan may both finish a request; only the first runs the callback. */
    private final AtomicBoolean callbackRun = new AtomicBoolean(false);

    public RequestResponseFuture(String correlationId, long timeoutMillis, RequestCallback requestCallback) {
        this.correlationId = correlationId;
        this.timeoutMillis = timeoutMillis;
        this.requestCallback = requestCallback;
    }

    /** Runs the callback (if any): onSuccess with the reply, or onException with the cause. */
    public void executeRequestCallback() {
        if (requestCallback == null || !callbackRun.compareAndSet(false, true)) {
            return;
        }
        if (sendRequestOk && cause == null) {
            requestCallback.onSuccess(responseMsg);
        } else {
            requestCallback.onException(cause);
        }
    }

    /** Whether more than the timeout has passed since the request began. */
    public boolean isTimeout() {
        return System.currentTimeMillis() - beginTimestamp > timeoutMillis;
    }

    /** Waits up to {@code timeout} ms for the reply; null when none arrived (or the send failed). */
    public Message waitResponseMessage(final long timeout) throws InterruptedException {
        countDownLatch.await(timeout, TimeUnit.MILLISECONDS);
        return responseMsg;
    }

    /** Completes the request with its reply (null when the send failed), waking a waiting caller. */
    public void putResponseMessage(final Message responseMsg) {
        this.responseMsg = responseMsg;
        countDownLatch.countDown();
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public void setTimeoutMillis(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public RequestCallback getRequestCallback() {
        return requestCallback;
    }

    public long getBeginTimestamp() {
        return beginTimestamp;
    }

    public CountDownLatch getCountDownLatch() {
        return countDownLatch;
    }

    public void setCountDownLatch(CountDownLatch countDownLatch) {
        this.countDownLatch = countDownLatch;
    }

    public Message getResponseMsg() {
        return responseMsg;
    }

    public void setResponseMsg(Message responseMsg) {
        this.responseMsg = responseMsg;
    }

    public boolean isSendRequestOk() {
        return sendRequestOk;
    }

    public void setSendRequestOk(boolean sendRequestOk) {
        this.sendRequestOk = sendRequestOk;
    }

    /** Always null, as in 4.9.7: the request message is not kept. */
    public Message getRequestMsg() {
        return requestMsg;
    }

    public Throwable getCause() {
        return cause;
    }

    public void setCause(Throwable cause) {
        this.cause = cause;
    }
}
