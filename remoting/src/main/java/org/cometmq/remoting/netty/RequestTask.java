package org.cometmq.remoting.netty;

import io.netty.channel.ChannelHandlerContext;
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
    private volatile boolean stopRun = false;

    public RequestTask(Runnable runnable, ChannelHandlerContext ctx, RemotingCommand request) {
        this.runnable = runnable;
        this.ctx = ctx;
        this.request = request;
    }

    /** Processes the request unless it was already answered by {@link #returnResponse}. */
    @Override
    public void run() {
        if (!stopRun) {
            runnable.run();
        }
    }

    /** Answers the request with {@code code} and {@code remark} without processing it. */
    public void returnResponse(int code, String remark) {
        Replies.reply(ctx.channel(), request, RemotingCommand.createResponseCommand(code, remark));
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
