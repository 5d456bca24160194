package org.cometmq.test.remoting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.netty.ResponseFuture;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RemotingSysResponseCode;
import org.cometmq.remoting.netty.NettyRemotingServer;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Apache RocketMQ 4.9.7's remoting client calling a CometMQ remoting server, in both header serializations:
 * what the Apache client sends must reach our processor intact, and our response must decode on the Apache
 * side with the request's serialize type.
 */
class ApacheClientToCometServerTest {
    private static final long TIMEOUT_MS = 5_000;

    private static NettyRemotingServer server;
    private static ExecutorService processorExecutor;
    private static CometEchoProcessor processor;
    private static NettyRemotingClient client;
    private static String address;

    @BeforeAll
    static void start() {
        NettyServerConfig config = new NettyServerConfig();
        config.setListenPort(0);
        config.setBindAddress("127.0.0.1");
        server = new NettyRemotingServer(config);
        processor = new CometEchoProcessor();
        processorExecutor = Executors.newFixedThreadPool(2);
        server.registerProcessor(EchoProtocol.ECHO, processor, processorExecutor);
        server.registerProcessor(EchoProtocol.ONEWAY_NOTE, processor, processorExecutor);
        server.start();
        address = "127.0.0.1:" + server.localListenPort();

        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (client != null) {
            client.shutdown();
        }
        if (server != null) {
            server.shutdown();
        }
        if (processorExecutor != null) {
            processorExecutor.shutdownNow();
            processorExecutor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @EnumSource(WireType.class)
    void syncEchoKeepsHeaderRemarkBodyAndSerializeType(WireType wire) throws Exception {
        String text = EchoProtocol.uniqueText("apache-sync-" + wire);
        RemotingCommand request = echoRequest(EchoProtocol.ECHO, text, wire);

        RemotingCommand response = client.invokeSync(address, request, TIMEOUT_MS);

        assertEchoResponse(request, response, text, wire);
        assertReceivedOnce(text, wire, false);
    }

    @ParameterizedTest
    @EnumSource(WireType.class)
    void asyncEchoKeepsHeaderRemarkBodyAndSerializeType(WireType wire) throws Exception {
        String text = EchoProtocol.uniqueText("apache-async-" + wire);
        RemotingCommand request = echoRequest(EchoProtocol.ECHO, text, wire);
        CompletableFuture<ResponseFuture> done = new CompletableFuture<>();

        client.invokeAsync(address, request, TIMEOUT_MS, done::complete);

        ResponseFuture future = done.get(TIMEOUT_MS * 2, TimeUnit.MILLISECONDS);
        assertTrue(future.isSendRequestOK(), "send failed: " + future.getCause());
        assertEchoResponse(request, future.getResponseCommand(), text, wire);
        assertReceivedOnce(text, wire, false);
    }

    @ParameterizedTest
    @EnumSource(WireType.class)
    void onewayReachesProcessorExactlyOnce(WireType wire) throws Exception {
        String text = EchoProtocol.uniqueText("apache-oneway-" + wire);
        RemotingCommand request = echoRequest(EchoProtocol.ONEWAY_NOTE, text, wire);

        client.invokeOneway(address, request, TIMEOUT_MS);

        Await.untilTrue("oneway '" + text + "' at the processor", Duration.ofSeconds(5),
            () -> processor.received().countWithText(text) > 0);
        Thread.sleep(300); // a duplicate delivery would show up within this
        ReceivedRequest received = assertReceivedOnce(text, wire, true);
        assertEquals(EchoProtocol.ONEWAY_NOTE, received.code());
    }

    @ParameterizedTest
    @EnumSource(WireType.class)
    void unknownRequestCodeIsAnsweredNotSupported(WireType wire) throws Exception {
        RemotingCommand request = echoRequest(EchoProtocol.UNKNOWN, EchoProtocol.uniqueText("unknown"), wire);

        RemotingCommand response = client.invokeSync(address, request, TIMEOUT_MS);

        assertEquals(RemotingSysResponseCode.REQUEST_CODE_NOT_SUPPORTED, response.getCode());
        assertEquals(" request type " + EchoProtocol.UNKNOWN + " not supported", response.getRemark());
        assertEquals(request.getOpaque(), response.getOpaque());
        assertTrue(response.isResponseType());
        // Spec 1.2: CometMQ mirrors the request's type even on framework-generated errors.
        assertEquals(wire.apache(), response.getSerializeTypeCurrentRPC());
    }

    private static RemotingCommand echoRequest(int code, String text, WireType wire) {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, ApacheEchoHeader.sample(text));
        request.setSerializeTypeCurrentRPC(wire.apache());
        request.setBody(EchoProtocol.sampleBody());
        return request;
    }

    private static void assertEchoResponse(RemotingCommand request, RemotingCommand response, String text,
                                           WireType wire) throws Exception {
        assertNotNull(response, "no response");
        assertTrue(response.isResponseType());
        assertEquals(request.getOpaque(), response.getOpaque());
        assertEquals(RemotingSysResponseCode.SUCCESS, response.getCode());
        assertEquals(EchoProtocol.remarkFor(text), response.getRemark());
        assertEquals(wire.apache(), response.getSerializeTypeCurrentRPC());
        assertArrayEquals(EchoProtocol.reversed(EchoProtocol.sampleBody()), response.getBody());
        ApacheEchoHeader header = (ApacheEchoHeader) response.decodeCommandCustomHeader(ApacheEchoHeader.class);
        assertEquals(text, header.getText());
        assertEquals(EchoProtocol.NUMBER, header.getNumber());
        assertEquals(EchoProtocol.BIG, header.getBig());
        assertEquals(EchoProtocol.FLAG, header.isFlag());
    }

    private static ReceivedRequest assertReceivedOnce(String text, WireType wire, boolean oneway) {
        List<ReceivedRequest> matches = processor.received().withText(text);
        assertEquals(1, matches.size(), "requests received with text " + text);
        ReceivedRequest received = matches.get(0);
        assertEquals(wire.name(), received.serializeType());
        assertEquals("JAVA", received.language());
        assertEquals(oneway, received.oneway());
        assertEquals(EchoProtocol.expectedExtFields(text), received.extFields());
        assertArrayEquals(EchoProtocol.sampleBody(), received.body());
        return received;
    }
}
