package org.cometmq.remoting.netty;

import static org.cometmq.remoting.netty.RemotingTestSupport.addr;
import static org.cometmq.remoting.netty.RemotingTestSupport.echoRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cometmq.remoting.ChannelEventListener;
import org.junit.jupiter.api.Test;

/** Connection events reach the listener on the event thread, in order; idle connections are closed. */
class ChannelEventTest {

    /** Records "TYPE@thread-name". */
    static final class RecordingListener implements ChannelEventListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        private void record(String type) {
            events.add(type + "@" + Thread.currentThread().getName());
        }

        @Override
        public void onChannelConnect(String remoteAddr, Channel channel) {
            record("CONNECT");
        }

        @Override
        public void onChannelClose(String remoteAddr, Channel channel) {
            record("CLOSE");
        }

        @Override
        public void onChannelException(String remoteAddr, Channel channel) {
            record("EXCEPTION");
        }

        @Override
        public void onChannelIdle(String remoteAddr, Channel channel) {
            record("IDLE");
        }
    }

    @Test
    void connectAndCloseArriveOnEventThread() throws Exception {
        RecordingListener listener = new RecordingListener();
        NettyRemotingServer server = new NettyRemotingServer(RemotingTestSupport.serverConfig(), listener);
        server.registerProcessor(RemotingTestSupport.ECHO_CODE, new RemotingTestSupport.EchoProcessor("server"), null);
        server.start();
        NettyRemotingClient client = RemotingTestSupport.startClient(RemotingTestSupport.clientConfig());
        try {
            assertEquals("server:x", client.invokeSync(addr(server), echoRequest("x"), 3000).getRemark());
            client.closeChannels(List.of(addr(server)));
            RemotingServerClientTest.waitFor(() -> listener.events.size() == 2);
            assertEquals(List.of("CONNECT@NettyServerEventExecutor", "CLOSE@NettyServerEventExecutor"), listener.events);
        } finally {
            client.shutdown();
            server.shutdown();
        }
    }

    @Test
    void idleConnectionIsClosedWithIdleEvent() throws Exception {
        RecordingListener serverListener = new RecordingListener();
        RecordingListener clientListener = new RecordingListener();
        NettyServerConfig config = RemotingTestSupport.serverConfig();
        config.setServerChannelMaxIdleTimeSeconds(1);
        NettyRemotingServer server = new NettyRemotingServer(config, serverListener);
        server.registerProcessor(RemotingTestSupport.ECHO_CODE, new RemotingTestSupport.EchoProcessor("server"), null);
        server.start();
        NettyRemotingClient client = new NettyRemotingClient(RemotingTestSupport.clientConfig(), clientListener);
        client.start();
        try {
            assertEquals("server:x", client.invokeSync(addr(server), echoRequest("x"), 3000).getRemark());
            RemotingServerClientTest.waitFor(() -> serverListener.events.size() == 3 && clientListener.events.size() == 2);
            assertEquals(List.of("CONNECT@NettyServerEventExecutor", "IDLE@NettyServerEventExecutor",
                "CLOSE@NettyServerEventExecutor"), serverListener.events);
            assertEquals(List.of("CONNECT@NettyClientEventExecutor", "CLOSE@NettyClientEventExecutor"), clientListener.events);
            // the client reconnects transparently on the next request
            assertEquals("server:again", client.invokeSync(addr(server), echoRequest("again"), 3000).getRemark());
        } finally {
            client.shutdown();
            server.shutdown();
        }
    }
}
