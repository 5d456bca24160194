package org.cometmq.store.ha;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/** The other end of an HA connection, scripted by a test: blocking sockets, every wait bounded. */
final class FakeHAPeer implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 10_000;

    private final ServerSocket server;
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;

    private FakeHAPeer(ServerSocket server, Socket socket) throws IOException {
        this.server = server;
        if (socket != null) {
            use(socket);
        }
    }

    /** A fake master listening on a free loopback port. */
    static FakeHAPeer master() throws IOException {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        server.setSoTimeout(TIMEOUT_MILLIS);
        return new FakeHAPeer(server, null);
    }

    /** A fake slave connected to {@code port}. */
    static FakeHAPeer slave(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
        return new FakeHAPeer(null, socket);
    }

    private void use(Socket accepted) throws IOException {
        socket = accepted;
        socket.setSoTimeout(TIMEOUT_MILLIS);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Waits for the next slave connection. */
    void accept() throws IOException {
        use(server.accept());
    }

    long readReport() throws IOException {
        return in.readLong();
    }

    /** Reads reports until one equals {@code offset}; false when the peer closed first. */
    boolean awaitReport(long offset) throws IOException {
        for (int i = 0; i < 1000; i++) {
            try {
                if (in.readLong() == offset) {
                    return true;
                }
            } catch (EOFException e) {
                return false;
            }
        }
        return false;
    }

    /** Skips whatever arrives until the peer closes; true when it closed, false when it stayed silent but open. */
    boolean awaitClose() throws IOException {
        byte[] sink = new byte[64 * 1024];
        try {
            while (in.read(sink) >= 0) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    void sendFrame(long phyOffset, byte[] body) throws IOException {
        ByteBuffer header = HAFrameCodec.encodeHeader(phyOffset, body.length);
        out.write(header.array(), 0, header.remaining());
        out.write(body);
        out.flush();
    }

    void sendReport(long offset) throws IOException {
        out.write(HAFrameCodec.encodeReport(offset).array());
        out.flush();
    }

    /** Reads one frame header: {offset, bodySize}. */
    long[] readHeader() throws IOException {
        return new long[] {in.readLong(), in.readInt()};
    }

    void closeConnection() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }

    @Override
    public void close() throws IOException {
        closeConnection();
        if (server != null) {
            server.close();
        }
    }
}
