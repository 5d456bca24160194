package org.cometmq.broker.longpolling;

import io.netty.channel.Channel;
import org.cometmq.store.MessageFilter;
import org.cometmq.remoting.protocol.RemotingCommand;

/** A pull that found nothing and waits for a message on its queue, or for its hold time to pass. */
public class HeldPullRequest {
    private final RemotingCommand requestCommand;
    private final Channel clientChannel;
    private final long timeoutMillis;
    private final long suspendTimestamp;
    private final long pullFromThisOffset;
    private final MessageFilter messageFilter;

    public HeldPullRequest(RemotingCommand requestCommand, Channel clientChannel, long timeoutMillis,
                           long suspendTimestamp, long pullFromThisOffset, MessageFilter messageFilter) {
        this.requestCommand = requestCommand;
        this.clientChannel = clientChannel;
        this.timeoutMillis = timeoutMillis;
        this.suspendTimestamp = suspendTimestamp;
        this.pullFromThisOffset = pullFromThisOffset;
        this.messageFilter = messageFilter;
    }

    public RemotingCommand getRequestCommand() {
        return requestCommand;
    }

    public Channel getClientChannel() {
        return clientChannel;
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public long getSuspendTimestamp() {
        return suspendTimestamp;
    }

    public long getPullFromThisOffset() {
        return pullFromThisOffset;
    }

    public MessageFilter getMessageFilter() {
        return messageFilter;
    }

    /** True once the hold time has passed at {@code now}. */
    public boolean isExpired(long now) {
        return now >= suspendTimestamp + timeoutMillis;
    }
}
