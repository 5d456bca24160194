package org.cometmq.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSysResponseCode;

/** Small helpers shared by the network tests: loopback configs, an echo processor, raw frame IO. */
final class RemotingTestSupport {
    static final int ECHO_CODE = 105;
    static final String LOOPBACK = "127.0.0.1";

    private RemotingTestSupport() {
    }

    static NettyServerConfig serverConfig() {
        NettyServerConfig config = new NettyServerConfig();
        config.setListenPort(0);
        config.setBindAddress(LOOPBACK);
        config.setServerWorkerThreads(2);
        config.setServerSelectorThreads(1);
        config.setServerCallbackExecutorThreads(2);
        return config;
    }

    static NettyClientConfig clientConfig() {
        NettyClientConfig config = new NettyClientConfig();
        config.setClientWorkerThreads(2);
        config.setClientCallbackExecutorThreads(2);
        return config;
    }

    static NettyRemotingServer startServer(NettyServerConfig config) {
        NettyRemotingServer server = new NettyRemotingServer(config);
        server.registerProcessor(ECHO_CODE, new EchoProcessor("server"), null);
        server.start();
        return server;
    }

    static NettyRemotingClient startClient(NettyClientConfig config) {
        NettyRemotingClient client = new NettyRemotingClient(config);
        client.start();
        return client;
    }

    static String addr(NettyRemotingServer server) {
        return LOOPBACK + ":" + server.localListenPort();
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    static RemotingCommand echoRequest(String text) {
        RemotingCommand request = RemotingCommand.createRequestCommand(ECHO_CODE, null);
        request.addExtField("text", text);
        request.setBody(text.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** Answers SUCCESS with remark "name:text" and the request's body. */
    static final class EchoProcessor implements NettyRequestProcessor {
        private final String name;

        EchoProcessor(String name) {
            this.name = name;
        }

        @Override
        public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) {
            String text = request.getExtFields() == null ? null : request.getExtFields().get("text");
            RemotingCommand response = RemotingCommand.createResponseCommand(RemotingSysResponseCode.SUCCESS, name + ":" + text);
            response.setBody(request.getBody());
            return response;
        }

        @Override
        public boolean rejectRequest() {
            return false;
        }
    }

    /** A processor body as a lambda. */
    interface Handler {
        RemotingCommand handle(ChannelHandlerContext ctx, RemotingCommand request) throws Exception;
    }

    static NettyRequestProcessor processor(Handler handler) {
        return new NettyRequestProcessor() {
            @Override
            public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
                return handler.handle(ctx, request);
            }

            @Override
            public boolean rejectRequest() {
                return false;
            }
        };
    }

    static byte[] frameBytes(RemotingCommand cmd) {
        ByteBuffer buffer = cmd.encode();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    static Socket rawSocket(NettyRemotingServer server) throws IOException {
        Socket socket = new Socket(LOOPBACK, server.localListenPort());
        socket.setSoTimeout(5000);
        return socket;
    }

    static void write(Socket socket, byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** Reads one frame (blocking up to the socket's timeout) and decodes it. */
    static RemotingCommand readFrame(Socket socket) throws IOException, RemotingCommandException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int length = in.readInt();
        byte[] frame = new byte[length];
        in.readFully(frame);
        return RemotingCommand.decode(frame);
    }

    static byte[] rawFrame(int length, int headerWord, byte[] rest) {
        ByteBuf buf = Unpooled.buffer();
        buf.writeInt(length).writeInt(headerWord).writeBytes(rest);
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        return bytes;
    }
}
