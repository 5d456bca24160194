package org.cometmq.remoting.netty;

/** Connection lifecycle events delivered to a {@link org.cometmq.remoting.ChannelEventListener}. */
public enum NettyEventType {
    CONNECT,
    CLOSE,
    IDLE,
    EXCEPTION
}
