package org.cometmq.remoting.netty;

import static org.cometmq.remoting.netty.RemotingTestSupport.addr;
import static org.cometmq.remoting.netty.RemotingTestSupport.echoRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests with a null address go to a name server: round robin, kept while healthy, switched on failure. */
class NameServerSelectionTest {
    private NettyRemotingServer serverA;
    private NettyRemotingServer serverB;
    private NettyRemotingClient client;

    @BeforeEach
    void start() {
        serverA = startNamed("A");
        serverB = startNamed("B");
        client = RemotingTestSupport.startClient(RemotingTestSupport.clientConfig());
    }

    private static NettyRemotingServer startNamed(String name) {
        NettyRemotingServer server = new NettyRemotingServer(RemotingTestSupport.serverConfig());
        server.registerProcessor(RemotingTestSupport.ECHO_CODE, new RemotingTestSupport.EchoProcessor(name), null);
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        client.shutdown();
        serverA.shutdown();
        serverB.shutdown();
    }

    private String ask() throws Exception {
        RemotingCommand response = client.invokeSync(null, echoRequest("who"), 3000);
        return response.getRemark().substring(0, 1);
    }

    @Test
    void noAddressListGivesConnectException() {
        RemotingConnectException e = assertThrows(RemotingConnectException.class, () -> client.invokeSync(null, echoRequest("x"), 1000));
        assertEquals("connect to name server [] failed", e.getMessage());
    }

    @Test
    void deadFirstAddressIsSkipped() throws Exception {
        String dead = RemotingTestSupport.LOOPBACK + ":" + RemotingTestSupport.closedPort();
        client.updateNameServerAddressList(List.of(dead, addr(serverB)));
        assertEquals(List.of(dead, addr(serverB)), client.getNameServerAddressList());
        for (int i = 0; i < 3; i++) {
            assertEquals("B", ask());
        }
        assertEquals(addr(serverB), client.getNamesrvAddrChoosed());
    }

    @Test
    void keepsHealthyChoiceThenRotatesWhenItsConnectionCloses() throws Exception {
        client.updateNameServerAddressList(List.of(addr(serverA), addr(serverB)));
        String first = ask();
        assertEquals(first, ask());
        assertEquals(first, ask());
        client.closeChannels(List.of(client.getNamesrvAddrChoosed()));
        String second = ask();
        assertNotEquals(first, second);
        assertEquals(Set.of("A", "B"), Set.of(first, second));
    }

    @Test
    void switchesToNextWhenChosenServerStops() throws Exception {
        client.updateNameServerAddressList(List.of(addr(serverA), addr(serverB)));
        String first = ask();
        NettyRemotingServer chosen = "A".equals(first) ? serverA : serverB;
        String other = "A".equals(first) ? "B" : "A";
        chosen.shutdown();
        RemotingServerClientTest.waitFor(() -> client.getNamesrvAddrChoosed() == null);
        assertEquals(other, ask());
        assertEquals(other, ask());
    }

    @Test
    void droppingChosenAddressFromListForcesNewChoice() throws Exception {
        client.updateNameServerAddressList(List.of(addr(serverA)));
        assertEquals("A", ask());
        client.updateNameServerAddressList(List.of(addr(serverB)));
        assertEquals("B", ask());
    }
}
