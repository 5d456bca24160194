package org.cometmq.remoting.netty;

/** JVM properties that set transport defaults, read once. */
public final class NettySystemConfig {
    public static final String COM_ROCKETMQ_REMOTING_FRAME_MAX_LENGTH = "com.rocketmq.remoting.frameMaxLength";
    /** Largest accepted value of a frame's length prefix: 16 MiB unless the property says otherwise. */
    public static final int FRAME_MAX_LENGTH = Integer.getInteger(COM_ROCKETMQ_REMOTING_FRAME_MAX_LENGTH, 16777216);

    private NettySystemConfig() {
    }
}
