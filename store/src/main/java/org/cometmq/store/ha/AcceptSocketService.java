package org.cometmq.store.ha;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.cometmq.common.ServiceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listens on the HA port and gives every accepted slave its own {@link HAConnection}. */
final class AcceptSocketService extends ServiceThread {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptSocketService.class);
    private static final long SELECT_MILLIS = 1000;

    private final HAService haService;
    private ServerSocketChannel serverChannel;
    private Selector selector;
    private volatile int localPort = -1;

    AcceptSocketService(HAService haService) {
        this.haService = haService;
        setDaemon(true);
    }

    @Override
    public String getServiceName() {
        return "HAAcceptSocketService";
    }

    /** Binds {@code 0.0.0.0:port} (0: any free port). */
    void beginAccept(int port) throws IOException {
        serverChannel = ServerSocketChannel.open();
        selector = Selector.open();
        try {
            serverChannel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            serverChannel.bind(new InetSocketAddress(port));
            serverChannel.configureBlocking(false);
            serverChannel.register(selector, SelectionKey.OP_ACCEPT);
            localPort = ((InetSocketAddress) serverChannel.getLocalAddress()).getPort();
        } catch (IOException e) {
            closeQuietly();
            throw new IOException("cannot open the HA port " + port + ": " + e.getMessage(), e);
        }
    }

    int getLocalPort() {
        return localPort;
    }

    @Override
    public void run() {
        while (!isStopped()) {
            try {
                selector.select(SELECT_MILLIS);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isAcceptable()) {
                        accept();
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (!isStopped()) {
                    LOG.warn("HA accept failed", e);
                }
            }
        }
        closeQuietly();
    }

    private void accept() throws IOException {
        SocketChannel channel = serverChannel.accept();
        if (channel == null) {
            return;
        }
        LOG.info("HA connection from slave {}", channel.getRemoteAddress());
        try {
            HAConnection connection = new HAConnection(haService, channel);
            haService.addConnection(connection);
            connection.start();
        } catch (IOException e) {
            LOG.warn("cannot serve HA connection {}", channel.getRemoteAddress(), e);
            channel.close();
        }
    }

    private void closeQuietly() {
        try {
            if (selector != null) {
                selector.close();
            }
            if (serverChannel != null) {
                serverChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("closing the HA port failed", e);
        }
    }
}
