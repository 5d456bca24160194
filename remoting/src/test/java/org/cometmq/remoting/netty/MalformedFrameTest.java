package org.cometmq.remoting.netty;

import static org.cometmq.remoting.netty.RemotingTestSupport.addr;
import static org.cometmq.remoting.netty.RemotingTestSupport.echoRequest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSysResponseCode;
import org.cometmq.remoting.protocol.SerializeType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile bytes from a raw socket: each malformed frame closes that connection only; the server keeps
 * serving a client connected before and a fresh client after.
 */
class MalformedFrameTest {
    private static final byte[] NONE = new byte[0];
    private static NettyRemotingServer server;
    private static NettyRemotingClient bystander;

    @BeforeAll
    static void start() throws Exception {
        NettyServerConfig config = RemotingTestSupport.serverConfig();
        config.setFrameMaxLength(4096);
        server = RemotingTestSupport.startServer(config);
        bystander = RemotingTestSupport.startClient(RemotingTestSupport.clientConfig());
        assertEquals("server:warm-up", bystander.invokeSync(addr(server), echoRequest("warm-up"), 3000).getRemark());
    }

    @AfterAll
    static void stop() {
        bystander.shutdown();
        server.shutdown();
    }

    static Stream<Arguments> closingFrames() {
        byte[] json = "{not json".getBytes(StandardCharsets.US_ASCII);
        return Stream.of(
            Arguments.of("2 GiB length", RemotingTestSupport.rawFrame(0x7FFFFFFF, 0, NONE)),
            Arguments.of("negative length", RemotingTestSupport.rawFrame(0x80000000, 0, NONE)),
            Arguments.of("length below the header word", RemotingTestSupport.rawFrame(2, 0, NONE)),
            Arguments.of("just above frameMaxLength", RemotingTestSupport.rawFrame(4097, 0, new byte[4093])),
            Arguments.of("header length beyond frame", RemotingTestSupport.rawFrame(8, 0x00000100, new byte[4])),
            Arguments.of("invalid JSON header", RemotingTestSupport.rawFrame(4 + json.length, json.length, json)),
            Arguments.of("JSON header missing opaque", jsonFrame("{\"code\":1,\"flag\":0,\"language\":\"JAVA\",\"version\":0}")),
            Arguments.of("unknown serialize type 7", RemotingTestSupport.rawFrame(6, 0x07000002, "{}".getBytes(StandardCharsets.US_ASCII))),
            Arguments.of("truncated binary header", RemotingTestSupport.rawFrame(7, 0x01000003, new byte[] {0, 105, 0})),
            Arguments.of("binary remark longer than header", RemotingTestSupport.rawFrame(21, 0x01000011,
                new byte[] {0, 105, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x7F, 0, 0, 0})));
    }

    private static byte[] jsonFrame(String json) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        return RemotingTestSupport.rawFrame(4 + header.length, header.length, header);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closingFrames")
    void malformedFrameClosesOnlyThatConnection(String name, byte[] bytes) throws Exception {
        try (Socket socket = RemotingTestSupport.rawSocket(server)) {
            RemotingTestSupport.write(socket, bytes);
            assertEquals(-1, readUntilClosed(socket.getInputStream()), name);
        }
        assertServerStillServes(name);
    }

    @Test
    void unknownRequestCodeIsAnsweredAndConnectionStaysOpen() throws Exception {
        try (Socket socket = RemotingTestSupport.rawSocket(server)) {
            RemotingCommand unknown = RemotingCommand.createRequestCommand(777, null);
            RemotingTestSupport.write(socket, RemotingTestSupport.frameBytes(unknown));
            RemotingCommand answer = RemotingTestSupport.readFrame(socket);
            assertEquals(RemotingSysResponseCode.REQUEST_CODE_NOT_SUPPORTED, answer.getCode());
            assertEquals(" request type 777 not supported", answer.getRemark());
            assertEquals(unknown.getOpaque(), answer.getOpaque());

            RemotingCommand echo = echoRequest("same-socket");
            RemotingTestSupport.write(socket, RemotingTestSupport.frameBytes(echo));
            RemotingCommand echoed = RemotingTestSupport.readFrame(socket);
            assertEquals(RemotingSysResponseCode.SUCCESS, echoed.getCode());
            assertEquals("server:same-socket", echoed.getRemark());
        }
        assertServerStillServes("unknown code");
    }

    @Test
    void frameUpToMaxLengthIsAccepted() throws Exception {
        RemotingCommand request = echoRequest("big");
        int headerAndWord = RemotingTestSupport.frameBytes(request).length - 4 - 3;
        byte[] body = new byte[4096 - headerAndWord];
        request.setBody(body);
        byte[] frame = RemotingTestSupport.frameBytes(request);
        assertEquals(4096, frame.length - 4);
        try (Socket socket = RemotingTestSupport.rawSocket(server)) {
            RemotingTestSupport.write(socket, frame);
            RemotingCommand answer = RemotingTestSupport.readFrame(socket);
            assertEquals(RemotingSysResponseCode.SUCCESS, answer.getCode());
            assertArrayEquals(body, answer.getBody());
        }
    }

    /** Reads and discards until EOF; a reset also means the server closed the connection. */
    private static int readUntilClosed(InputStream in) throws IOException {
        try {
            for (int i = 0; i < 1_000_000; i++) {
                if (in.read() == -1) {
                    return -1;
                }
            }
            return 0;
        } catch (SocketException reset) {
            return -1;
        }
    }

    private static void assertServerStillServes(String after) throws Exception {
        try (Socket fresh = RemotingTestSupport.rawSocket(server)) {
            RemotingCommand request = echoRequest("fresh after " + after);
            request.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
            RemotingTestSupport.write(fresh, RemotingTestSupport.frameBytes(request));
            RemotingCommand answer = RemotingTestSupport.readFrame(fresh);
            assertEquals(RemotingSysResponseCode.SUCCESS, answer.getCode());
            assertEquals("server:fresh after " + after, answer.getRemark());
            assertEquals(request.getOpaque(), answer.getOpaque());
        }
        assertEquals("server:bystander", bystander.invokeSync(addr(server), echoRequest("bystander"), 3000).getRemark());
    }
}
