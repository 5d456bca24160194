package org.cometmq.test.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy between clients and a broker, for network faults: {@link Mode#PASS} forwards bytes,
 * {@link Mode#DROP} resets every connection and refuses new ones (a peer that vanished), {@link Mode#STALL} keeps
 * connections open but forwards nothing (a black-holed link: requests time out). Threads are daemons and end with
 * {@link #close()}.
 */
final class TcpProxy implements AutoCloseable {
    enum Mode { PASS, DROP, STALL }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong forwardedBytes = new AtomicLong();
    private volatile Mode mode = Mode.PASS;
    private volatile boolean closed;

    /** Listens on {@code listen} and forwards to {@code target}. */
    TcpProxy(InetSocketAddress listen, InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(listen);
        Thread acceptor = new Thread(this::acceptLoop, "chaos-proxy-accept-" + listen.getPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Switches the fault; DROP also resets the connections open now. */
    void mode(Mode newMode) {
        mode = newMode;
        if (newMode == Mode.DROP) {
            sockets.forEach(TcpProxy::reset);
        }
    }

    long forwardedBytes() {
        return forwardedBytes.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (mode == Mode.DROP) {
                    reset(client);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(target, 3_000);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    while (mode == Mode.STALL && !closed && !from.isClosed()) {
                        ChaosWorkload.pause(20); // bytes wait here; the peer's request times out
                    }
                    out.write(buffer, 0, n);
                    forwardedBytes.addAndGet(n);
                }
            } catch (IOException e) {
                // one side went away: the other follows
            } finally {
                reset(from);
                reset(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "chaos-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        sockets.forEach(TcpProxy::reset);
    }
}
