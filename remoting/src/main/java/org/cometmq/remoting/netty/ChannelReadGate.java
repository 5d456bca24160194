package org.cometmq.remoting.netty;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.ArrayDeque;

/**
 * Bounds what one connection can make the server hold. Its requests are handed to their processors while fewer than
 * {@link #MAX_IN_PROCESS} of them wait in an executor or are being processed and while its answers can be written;
 * otherwise they wait here in arrival order and the connection is not read until both hold again. A client that
 * sends without reading its answers, or faster than they are processed, is thus held at the socket instead of
 * filling executor queues and outbound buffers without bound. A processor that answers later (a held pull, an
 * asynchronous put) counts as done once it has taken the request.
 */
final class ChannelReadGate {
    static final int MAX_IN_PROCESS = 1024;
    private static final AttributeKey<ChannelReadGate> KEY = AttributeKey.valueOf("cometmq.readGate");

    private final Channel channel;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int inProcess;

    private ChannelReadGate(Channel channel) {
        this.channel = channel;
    }

    static ChannelReadGate of(Channel channel) {
        ChannelReadGate gate = channel.attr(KEY).get();
        if (gate == null) {
            ChannelReadGate created = new ChannelReadGate(channel);
            gate = channel.attr(KEY).setIfAbsent(created);
            if (gate == null) {
                gate = created;
            }
        }
        return gate;
    }

    /** Runs {@code handOver} now, or once the connection's earlier requests are done and its answers drained. */
    void admit(Runnable handOver) {
        synchronized (this) {
            if (!waiting.isEmpty() || !open()) {
                waiting.add(handOver);
                channel.config().setAutoRead(false);
                return;
            }
            inProcess++;
        }
        handOver.run();
    }

    /** One admitted request is done with: answered, refused, or taken by a processor that answers later. */
    void done() {
        synchronized (this) {
            inProcess--;
        }
        admitWaiting();
    }

    /** The connection's outbound buffer crossed a water mark. */
    void writabilityChanged() {
        admitWaiting();
    }

    /** Hands over waiting requests while the gate is open, then reads the connection again if it stays open. */
    private void admitWaiting() {
        while (true) {
            Runnable next;
            synchronized (this) {
                boolean open = open();
                if (!open || waiting.isEmpty()) {
                    channel.config().setAutoRead(open);
                    return;
                }
                next = waiting.poll();
                inProcess++;
            }
            next.run();
        }
    }

    private boolean open() {
        return inProcess < MAX_IN_PROCESS && channel.isWritable();
    }

    synchronized int inProcess() {
        return inProcess;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
