package org.cometmq.remoting.netty;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cometmq.remoting.ChannelEventListener;
import org.cometmq.remoting.common.RemotingHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands connection events to the {@link ChannelEventListener} on its own thread, so a slow listener never
 * blocks a Netty IO thread. Events beyond the queue's capacity are dropped with a warning.
 */
public class NettyEventExecutor implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);
    private static final int MAX_QUEUED_EVENTS = 10000;
    private static final long POLL_MILLIS = 500;
    private static final long JOIN_MILLIS = 3000;

    private final LinkedBlockingQueue<NettyEvent> eventQueue = new LinkedBlockingQueue<>(MAX_QUEUED_EVENTS);
    private final ChannelEventListener listener;
    private final Thread thread;
    private volatile boolean stopped = false;

    public NettyEventExecutor(String threadName, ChannelEventListener listener) {
        this.listener = listener;
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void shutdown() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void putNettyEvent(NettyEvent event) {
        if (!eventQueue.offer(event)) {
            log.warn("{} event queue is full ({} events), dropping {}", thread.getName(), MAX_QUEUED_EVENTS, event);
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                NettyEvent event = eventQueue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (event != null) {
                    dispatch(event);
                }
            } catch (InterruptedException e) {
                break;
            } catch (Throwable t) {
                log.warn("channel event listener failed", t);
            }
        }
    }

    private void dispatch(NettyEvent event) {
        switch (event.getType()) {
            case CONNECT:
                listener.onChannelConnect(event.getRemoteAddr(), event.getChannel());
                break;
            case CLOSE:
                listener.onChannelClose(event.getRemoteAddr(), event.getChannel());
                break;
            case IDLE:
                listener.onChannelIdle(event.getRemoteAddr(), event.getChannel());
                break;
            default:
                listener.onChannelException(event.getRemoteAddr(), event.getChannel());
        }
    }
}
