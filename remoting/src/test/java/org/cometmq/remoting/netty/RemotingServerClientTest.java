package org.cometmq.remoting.netty;

import static org.cometmq.remoting.netty.RemotingTestSupport.ECHO_CODE;
import static org.cometmq.remoting.netty.RemotingTestSupport.addr;
import static org.cometmq.remoting.netty.RemotingTestSupport.echoRequest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.cometmq.remoting.exception.RemotingTooMuchRequestException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSysResponseCode;
import org.cometmq.remoting.protocol.SerializeType;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server and client on loopback: the invocation styles and every framework answer. */
class RemotingServerClientTest {
    private static final long TIMEOUT = 3000;
    private static NettyRemotingServer server;
    private static NettyRemotingClient client;

    @BeforeAll
    static void start() {
        server = RemotingTestSupport.startServer(RemotingTestSupport.serverConfig());
        client = RemotingTestSupport.startClient(RemotingTestSupport.clientConfig());
    }

    @AfterAll
    static void stop() {
        client.shutdown();
        server.shutdown();
    }

    @Test
    void syncRequestGetsEchoWithSameOpaque() throws Exception {
        RemotingCommand request = echoRequest("hello");
        RemotingCommand response = client.invokeSync(addr(server), request, TIMEOUT);
        assertEquals(RemotingSysResponseCode.SUCCESS, response.getCode());
        assertEquals("server:hello", response.getRemark());
        assertEquals(request.getOpaque(), response.getOpaque());
        assertTrue(response.isResponseType());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), response.getBody());
        assertEquals(SerializeType.JSON, response.getSerializeTypeCurrentRPC());
    }

    @Test
    void binaryRequestGetsBinaryResponse() throws Exception {
        RemotingCommand request = echoRequest("bin");
        request.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        RemotingCommand response = client.invokeSync(addr(server), request, TIMEOUT);
        assertEquals(SerializeType.ROCKETMQ, response.getSerializeTypeCurrentRPC());
        assertEquals("server:bin", response.getRemark());
    }

    @Test
    void asyncRequestCompletesCallback() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<ResponseFuture> result = new AtomicReference<>();
        AtomicReference<String> callbackThread = new AtomicReference<>();
        client.invokeAsync(addr(server), echoRequest("async"), TIMEOUT, f -> {
            result.set(f);
            callbackThread.set(Thread.currentThread().getName());
            done.countDown();
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertTrue(result.get().isSendRequestOK());
        assertEquals("server:async", result.get().getResponseCommand().getRemark());
        assertNull(result.get().getCause());
        assertTrue(callbackThread.get().startsWith("NettyClientPublicExecutor_"), callbackThread.get());
    }

    @Test
    void onewayReachesProcessorOnceAndIsNeverAnswered() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch called = new CountDownLatch(1);
        server.registerProcessor(500, new CountingProcessor(calls, called, true), null);
        client.invokeOneway(addr(server), RemotingCommand.createRequestCommand(500, null), TIMEOUT);
        assertTrue(called.await(5, TimeUnit.SECONDS));

        // Over a raw socket: the oneway request must produce no frame; the next frame is the sync answer.
        try (Socket socket = RemotingTestSupport.rawSocket(server)) {
            RemotingCommand oneway = RemotingCommand.createRequestCommand(500, null);
            oneway.markOnewayRPC();
            RemotingTestSupport.write(socket, RemotingTestSupport.frameBytes(oneway));
            waitFor(() -> calls.get() == 2);
            RemotingCommand sync = echoRequest("after-oneway");
            RemotingTestSupport.write(socket, RemotingTestSupport.frameBytes(sync));
            RemotingCommand first = RemotingTestSupport.readFrame(socket);
            assertEquals(sync.getOpaque(), first.getOpaque());
            assertEquals("server:after-oneway", first.getRemark());
            socket.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
        }
        assertEquals(2, calls.get());
    }

    @Test
    void rpcHooksRunInRegistrationOrderAroundProcessor() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        NettyRemotingServer hooked = new NettyRemotingServer(RemotingTestSupport.serverConfig());
        hooked.registerRPCHook(new RecordingHook("h1", events));
        hooked.registerRPCHook(new RecordingHook("h2", events));
        hooked.registerProcessor(ECHO_CODE, RemotingTestSupport.processor((ctx, request) -> {
            events.add("process:" + request.getCode());
            return RemotingCommand.createResponseCommand(RemotingSysResponseCode.SUCCESS, "hooked");
        }), null);
        hooked.start();
        NettyRemotingClient hookedClient = new NettyRemotingClient(RemotingTestSupport.clientConfig());
        hookedClient.registerRPCHook(new RecordingHook("c1", events));
        hookedClient.start();
        try {
            RemotingCommand response = hookedClient.invokeSync(addr(hooked), echoRequest("x"), TIMEOUT);
            assertEquals("hooked", response.getRemark());
            waitFor(() -> events.size() == 7);
            assertEquals(List.of("c1.before:105", "h1.before:105", "h2.before:105", "process:105",
                "h1.after:105:0", "h2.after:105:0", "c1.after:105:0"), events);
        } finally {
            hookedClient.shutdown();
            hooked.shutdown();
        }
    }

    @Test
    void fullExecutorAnswersOverloadBusy() throws Exception {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        server.registerProcessor(501, RemotingTestSupport.processor((ctx, request) -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return RemotingCommand.createResponseCommand(RemotingSysResponseCode.SUCCESS, "done");
        }), executor);
        try {
            List<ResponseFuture> completed = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch bothDone = new CountDownLatch(2);
            client.invokeAsync(addr(server), RemotingCommand.createRequestCommand(501, null), 10_000,
                f -> { completed.add(f); bothDone.countDown(); });
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            client.invokeAsync(addr(server), RemotingCommand.createRequestCommand(501, null), 10_000,
                f -> { completed.add(f); bothDone.countDown(); });
            waitFor(() -> executor.getQueue().size() == 1);

            RemotingCommand busy = client.invokeSync(addr(server), RemotingCommand.createRequestCommand(501, null), TIMEOUT);
            assertEquals(RemotingSysResponseCode.SYSTEM_BUSY, busy.getCode());
            assertEquals("[OVERLOAD]system busy, start flow control for a while", busy.getRemark());

            release.countDown();
            assertTrue(bothDone.await(5, TimeUnit.SECONDS));
            assertEquals(2, completed.size());
            for (ResponseFuture f : completed) {
                assertEquals("done", f.getResponseCommand().getRemark());
            }
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void rejectingProcessorAnswersRejectBusy() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.registerProcessor(502, new CountingProcessor(calls, new CountDownLatch(1), false) {
            @Override
            public boolean rejectRequest() {
                return true;
            }
        }, null);
        RemotingCommand response = client.invokeSync(addr(server), RemotingCommand.createRequestCommand(502, null), TIMEOUT);
        assertEquals(RemotingSysResponseCode.SYSTEM_BUSY, response.getCode());
        assertEquals("[REJECTREQUEST]system busy, start flow control for a while", response.getRemark());
        assertEquals(0, calls.get());
    }

    @Test
    void unknownCodeAnswersNotSupported() throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(999, null);
        request.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        RemotingCommand response = client.invokeSync(addr(server), request, TIMEOUT);
        assertEquals(RemotingSysResponseCode.REQUEST_CODE_NOT_SUPPORTED, response.getCode());
        assertEquals(" request type 999 not supported", response.getRemark());
        assertEquals(request.getOpaque(), response.getOpaque());
        assertEquals(SerializeType.ROCKETMQ, response.getSerializeTypeCurrentRPC());
    }

    @Test
    void processorExceptionAnswersSystemError() throws Exception {
        server.registerProcessor(503, RemotingTestSupport.processor((ctx, request) -> {
            throw new IllegalStateException("boom");
        }), null);
        RemotingCommand response = client.invokeSync(addr(server), RemotingCommand.createRequestCommand(503, null), TIMEOUT);
        assertEquals(RemotingSysResponseCode.SYSTEM_ERROR, response.getCode());
        assertTrue(response.getRemark().startsWith("java.lang.IllegalStateException: boom, "), response.getRemark());
        assertTrue(response.getRemark().contains("RemotingServerClientTest"), response.getRemark());
    }

    @Test
    void slowProcessorTimesOutSyncAndAsync() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.registerProcessor(504, RemotingTestSupport.processor((ctx, request) -> {
            release.await(10, TimeUnit.SECONDS);
            return RemotingCommand.createResponseCommand(RemotingSysResponseCode.SUCCESS, "late");
        }), null);
        try {
            RemotingTimeoutException e = assertThrows(RemotingTimeoutException.class,
                () -> client.invokeSync(addr(server), RemotingCommand.createRequestCommand(504, null), 300));
            assertTrue(e.getMessage().startsWith("wait response on the channel <" + addr(server) + "> timeout, "), e.getMessage());

            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<ResponseFuture> result = new AtomicReference<>();
            client.invokeAsync(addr(server), RemotingCommand.createRequestCommand(504, null), 300, f -> {
                result.set(f);
                done.countDown();
            });
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertNull(result.get().getResponseCommand());
            assertTrue(result.get().isSendRequestOK());
            assertInstanceOf(RemotingTimeoutException.class, result.get().getCause());
        } finally {
            release.countDown();
        }
    }

    @Test
    void closedPortRaisesConnectException() throws Exception {
        String target = RemotingTestSupport.LOOPBACK + ":" + RemotingTestSupport.closedPort();
        RemotingConnectException e = assertThrows(RemotingConnectException.class,
            () -> client.invokeSync(target, echoRequest("nobody"), TIMEOUT));
        assertEquals("connect to " + target + " failed", e.getMessage());
        assertThrows(RemotingConnectException.class, () -> client.invokeOneway(target, echoRequest("nobody"), TIMEOUT));
    }

    @Test
    void serverCallsClientBackOnItsChannel() throws Exception {
        AtomicReference<io.netty.channel.Channel> clientChannel = new AtomicReference<>();
        server.registerProcessor(34, RemotingTestSupport.processor((ctx, request) -> {
            clientChannel.set(ctx.channel());
            return RemotingCommand.createResponseCommand(RemotingSysResponseCode.SUCCESS, "registered");
        }), null);
        NettyRemotingClient callee = new NettyRemotingClient(RemotingTestSupport.clientConfig());
        AtomicInteger onewayCalls = new AtomicInteger();
        CountDownLatch onewayDone = new CountDownLatch(1);
        callee.registerProcessor(307, new RemotingTestSupport.EchoProcessor("client"), null);
        callee.registerProcessor(40, new CountingProcessor(onewayCalls, onewayDone, false), null);
        callee.start();
        try {
            assertEquals("registered", callee.invokeSync(addr(server), RemotingCommand.createRequestCommand(34, null),
                TIMEOUT).getRemark());
            RemotingCommand callback = RemotingCommand.createRequestCommand(307, null);
            callback.addExtField("text", "running-info?");
            RemotingCommand answer = server.invokeSync(clientChannel.get(), callback, TIMEOUT);
            assertEquals(RemotingSysResponseCode.SUCCESS, answer.getCode());
            assertEquals("client:running-info?", answer.getRemark());

            server.invokeOneway(clientChannel.get(), RemotingCommand.createRequestCommand(40, null), TIMEOUT);
            assertTrue(onewayDone.await(5, TimeUnit.SECONDS));
            assertEquals(1, onewayCalls.get());

            CountDownLatch asyncDone = new CountDownLatch(1);
            AtomicReference<String> remark = new AtomicReference<>();
            RemotingCommand asyncCallback = RemotingCommand.createRequestCommand(307, null);
            asyncCallback.addExtField("text", "async");
            server.invokeAsync(clientChannel.get(), asyncCallback, TIMEOUT, f -> {
                remark.set(f.getResponseCommand().getRemark());
                asyncDone.countDown();
            });
            assertTrue(asyncDone.await(5, TimeUnit.SECONDS));
            assertEquals("client:async", remark.get());
        } finally {
            callee.shutdown();
        }
    }

    @Test
    void asyncPermitsExhaustedRaiseTooMuchRequest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.registerProcessor(505, RemotingTestSupport.processor((ctx, request) -> {
            release.await(10, TimeUnit.SECONDS);
            return RemotingCommand.createResponseCommand(RemotingSysResponseCode.SUCCESS, "freed");
        }), null);
        NettyClientConfig config = RemotingTestSupport.clientConfig();
        config.setClientAsyncSemaphoreValue(1);
        NettyRemotingClient limited = RemotingTestSupport.startClient(config);
        try {
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<String> remark = new AtomicReference<>();
            limited.invokeAsync(addr(server), RemotingCommand.createRequestCommand(505, null), 5000, f -> {
                remark.set(f.getResponseCommand().getRemark());
                done.countDown();
            });
            RemotingTooMuchRequestException e = assertThrows(RemotingTooMuchRequestException.class,
                () -> limited.invokeAsync(addr(server), RemotingCommand.createRequestCommand(505, null), 200, f -> { }));
            assertEquals("too many async requests in flight: no permit freed within 200 ms (queue length 0, available permits 0)",
                e.getMessage());
            release.countDown();
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertEquals("freed", remark.get());
            assertEquals(1, limited.semaphoreAsync.availablePermits());
        } finally {
            release.countDown();
            limited.shutdown();
        }
    }

    @Test
    void epollServerServesWhenAvailable() throws Exception {
        NettyServerConfig config = RemotingTestSupport.serverConfig();
        config.setUseEpollNativeSelector(true);
        AtomicReference<String> channelType = new AtomicReference<>();
        AtomicReference<String> ioThread = new AtomicReference<>();
        NettyRemotingServer epoll = new NettyRemotingServer(config);
        epoll.registerProcessor(ECHO_CODE, RemotingTestSupport.processor((ctx, request) -> {
            channelType.set(ctx.channel().getClass().getSimpleName());
            ctx.channel().eventLoop().submit(() -> ioThread.set(Thread.currentThread().getName())).get(5, TimeUnit.SECONDS);
            return RemotingCommand.createResponseCommand(RemotingSysResponseCode.SUCCESS, "epoll");
        }), null);
        epoll.start();
        try {
            assertEquals("epoll", client.invokeSync(addr(epoll), echoRequest("e"), TIMEOUT).getRemark());
            boolean native_ = io.netty.channel.epoll.Epoll.isAvailable();
            assertEquals(native_ ? "EpollSocketChannel" : "NioSocketChannel", channelType.get());
            assertEquals(native_ ? "NettyServerEPOLLSelector_1" : "NettyServerNIOSelector_1", ioThread.get());
        } finally {
            epoll.shutdown();
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Await.untilTrue("the condition", Duration.ofSeconds(5), Duration.ofMillis(10), condition);
    }

    /** Counts calls; answers SUCCESS unless told to answer nothing. */
    static class CountingProcessor implements NettyRequestProcessor {
        private final AtomicInteger calls;
        private final CountDownLatch called;
        private final boolean silent;

        CountingProcessor(AtomicInteger calls, CountDownLatch called, boolean silent) {
            this.calls = calls;
            this.called = called;
            this.silent = silent;
        }

        @Override
        public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) {
            calls.incrementAndGet();
            called.countDown();
            // Even a non-null answer to a oneway request must never be written.
            return silent ? RemotingCommand.createResponseCommand(RemotingSysResponseCode.SUCCESS, "must not be sent") : null;
        }

        @Override
        public boolean rejectRequest() {
            return false;
        }
    }

    /** Records hook calls as "name.before:code" and "name.after:code:responseCode". */
    static final class RecordingHook implements RPCHook {
        private final String name;
        private final List<String> events;

        RecordingHook(String name, List<String> events) {
            this.name = name;
            this.events = events;
        }

        @Override
        public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
            events.add(name + ".before:" + request.getCode());
        }

        @Override
        public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
            events.add(name + ".after:" + request.getCode() + ":" + response.getCode());
        }
    }
}
