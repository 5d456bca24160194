package org.cometmq.store.ha;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's side of one slave: a thread reading the slave's offset reports and a thread pushing commit-log
 * frames from where the slave stands. Either thread failing closes both and the socket.
 */
final class HAConnection {

    private static final Logger LOG = LoggerFactory.getLogger(HAConnection.class);

    private final HAService haService;
    private final SocketChannel channel;
    private final String clientAddress;
    private final HAReadSocketService readService;
    private final HAWriteSocketService writeService;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The slave's first report: where pushing starts. -1 until it arrives. */
    private volatile long slaveRequestOffset = -1;
    /** The slave's latest report. */
    private volatile long slaveAckOffset = -1;

    HAConnection(HAService haService, SocketChannel channel) throws IOException {
        this.haService = haService;
        this.channel = channel;
        this.clientAddress = String.valueOf(channel.getRemoteAddress());
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.setOption(StandardSocketOptions.SO_LINGER, -1);
        this.readService = new HAReadSocketService(this);
        this.writeService = new HAWriteSocketService(this);
    }

    void start() {
        readService.start();
        writeService.start();
    }

    /** Stops both threads (without waiting for them), closes the socket and forgets the slave. Idempotent. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        readService.stop();
        writeService.stop();
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing HA connection {} failed", clientAddress, e);
        }
        haService.removeConnection(this);
        LOG.info("HA connection to slave {} closed (acknowledged up to {})", clientAddress, slaveAckOffset);
    }

    /** The slave's first report: where pushing starts. */
    void onRequestOffset(long offset) {
        slaveRequestOffset = offset;
        writeService.wakeup();
    }

    /** The slave holds this master's commit log up to {@code offset}. */
    void onAck(long offset) {
        slaveAckOffset = offset;
        haService.notifyTransferSome(offset);
    }

    void dataArrived() {
        writeService.wakeup();
    }

    boolean isClosed() {
        return closed.get();
    }

    HAService getHaService() {
        return haService;
    }

    SocketChannel getChannel() {
        return channel;
    }

    String getClientAddress() {
        return clientAddress;
    }

    long getSlaveRequestOffset() {
        return slaveRequestOffset;
    }

    long getSlaveAckOffset() {
        return slaveAckOffset;
    }
}
