package org.cometmq.remoting.netty;

import static org.cometmq.remoting.netty.RemotingTestSupport.addr;
import static org.cometmq.remoting.netty.RemotingTestSupport.echoRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tls.server.mode} as 4.9.7 reads it: permissive serves TLS and plain clients on one port, enforcing only
 * TLS; without certificates the server uses a self-signed one (test mode, 4.9.7's default).
 */
class TlsModeTest {
    private NettyRemotingServer server;

    @AfterEach
    void stop() {
        System.clearProperty(TlsSystemConfig.TLS_SERVER_MODE);
        if (server != null) {
            server.shutdown();
        }
    }

    private void startServer(String mode) {
        System.setProperty(TlsSystemConfig.TLS_SERVER_MODE, mode);
        NettyServerConfig config = RemotingTestSupport.serverConfig();
        server = new NettyRemotingServer(config);
        server.registerProcessor(RemotingTestSupport.ECHO_CODE, new RemotingTestSupport.EchoProcessor(mode), null);
        server.start();
        System.clearProperty(TlsSystemConfig.TLS_SERVER_MODE);
    }

    private String echo(boolean tls) throws Exception {
        NettyClientConfig config = RemotingTestSupport.clientConfig();
        config.setUseTLS(tls);
        config.setTlsTrustAll(true);
        NettyRemotingClient client = RemotingTestSupport.startClient(config);
        try {
            RemotingCommand response = client.invokeSync(addr(server), echoRequest("hi"), 5000);
            return response.getRemark();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void permissiveServesTlsAndPlainOnOnePort() throws Exception {
        startServer("permissive");
        assertEquals("permissive:hi", echo(true));
        assertEquals("permissive:hi", echo(false));
    }

    @Test
    void enforcingRefusesPlainClients() throws Exception {
        startServer("enforcing");
        assertEquals("enforcing:hi", echo(true));
        assertThrows(RemotingException.class, () -> echo(false));
    }

    @Test
    void disabledRefusesTlsClients() throws Exception {
        startServer("disabled");
        assertEquals("disabled:hi", echo(false));
        assertThrows(RemotingException.class, () -> echo(true));
    }

    @Test
    void modeNamesAreReadAs497ReadsThem() {
        assertEquals(TlsMode.DISABLED, TlsMode.parse("disabled"));
        assertEquals(TlsMode.ENFORCING, TlsMode.parse("enforcing"));
        assertEquals(TlsMode.PERMISSIVE, TlsMode.parse("permissive"));
        assertEquals(TlsMode.PERMISSIVE, TlsMode.parse("ENFORCING"));
        assertEquals(TlsMode.DISABLED, TlsSystemConfig.serverMode(false));
        assertEquals(TlsMode.ENFORCING, TlsSystemConfig.serverMode(true));
    }
}
