package org.cometmq.broker.client;

import io.netty.channel.Channel;
import org.cometmq.common.ServiceThread;
import org.cometmq.remoting.ChannelEventListener;

/**
 * Keeps the producer and consumer tables clean: a closed, failed or idle channel is dropped at once, and a scan
 * every {@code scanIntervalMillis} drops channels whose heartbeats stopped.
 */
public class ClientHousekeepingService extends ServiceThread implements ChannelEventListener {
    private final ProducerManager producerManager;
    private final ConsumerManager consumerManager;
    private final long scanIntervalMillis;

    public ClientHousekeepingService(ProducerManager producerManager, ConsumerManager consumerManager,
                                     long scanIntervalMillis) {
        this.producerManager = producerManager;
        this.consumerManager = consumerManager;
        this.scanIntervalMillis = scanIntervalMillis;
        setDaemon(true);
    }

    @Override
    public String getServiceName() {
        return "ClientHousekeepingService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(scanIntervalMillis);
            if (!isStopped()) {
                producerManager.scanNotActiveChannel();
                consumerManager.scanNotActiveChannel();
            }
        }
    }

    @Override
    public void onChannelConnect(String remoteAddr, Channel channel) {
    }

    @Override
    public void onChannelClose(String remoteAddr, Channel channel) {
        drop(remoteAddr, channel);
    }

    @Override
    public void onChannelException(String remoteAddr, Channel channel) {
        drop(remoteAddr, channel);
    }

    @Override
    public void onChannelIdle(String remoteAddr, Channel channel) {
        drop(remoteAddr, channel);
    }

    private void drop(String remoteAddr, Channel channel) {
        producerManager.doChannelCloseEvent(remoteAddr, channel);
        consumerManager.doChannelCloseEvent(remoteAddr, channel);
    }

    @Override
    public long getJoinTimeMillis() {
        return 5_000;
    }
}
