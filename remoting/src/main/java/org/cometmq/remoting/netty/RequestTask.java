package org.cometmq.remoting.netty;

import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * One received request waiting in its processor's executor. It remembers when it was received, so a server can
 * take requests that waited too long out of the queue and answer them at once (a broker's "fast failure")
 * instead of letting the client time out.
 */
public class RequestTask implements Runnable {
    private final Runnable runnable;
    private final long createTimestamp = System.currentTimeMillis();
    private final ChannelHandlerContext ctx;
    private final RemotingCommand request;
    private final Runnable onDone;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile boolean stopRun = false;

    public RequestTask(Runnable runnable, ChannelHandlerContext ctx, RemotingCommand request) {
        this(runnable, ctx, request, () -> { });
    }

    /** As above; {@code onDone} runs once, after the request was processed or answered without processing. */
    RequestTask(Runnable runnable, ChannelHandlerContext ctx, RemotingCommand request, Runnable onDone) {
        this.runnable = runnable;
        this.ctx = ctx;
        this.request = request;
        this.onDone = onDone;
    }

    /** Processes the request unless it was already answered by {@link #returnResponse}. */
    @Override
    public void run() {
        try {
            if (!stopRun) {
                runnable.run();
            }
        } finally {
            finish();
        }
    }

    /** Answers the request with {@code code} and {@code remark} without processing it. */
    public void returnResponse(int code, String remark) {
        try {
            Replies.reply(ctx.channel(), request, RemotingCommand.createResponseCommand(code, remark));
        } finally {
            finish();
        }
    }

    /** Releases the request's place at its connection, once: a task taken out of the queue may still be run. */
    private void finish() {
        if (done.compareAndSet(false, true)) {
            onDone.run();
        }
    }

    public long getCreateTimestamp() {
        return createTimestamp;
    }

    public RemotingCommand getRequest() {
        return request;
    }

    public boolean isStopRun() {
        return stopRun;
    }

    public void setStopRun(boolean stopRun) {
        this.stopRun = stopRun;
    }
}
