package org.cometmq.test.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometmq.test.harness.CrossProcess;
import org.junit.jupiter.api.Test;

/**
 * Faults around one SYNC_FLUSH broker under a 4-thread load: the name server restarted twice (SIGTERM, then
 * kill -9) while sends and consumption go on from cached routes and the broker registers again within one
 * registration period; then a loopback proxy between the clients and the broker drops every connection and
 * later stalls them. Nothing acknowledged is lost and the load recovers after each fault.
 */
@CrossProcess
class NetworkChaosIT {
    /** The broker's registration period, the shortest 4.9.7 accepts: re-registration must happen within it. */
    private static final int REGISTER_PERIOD_MILLIS = 10_000;
    private static final String PROXY_HOST = "127.0.0.2";
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void nameServerRestartsAndDroppedOrStalledConnectionsLoseNothing() throws Exception {
        Map<String, String> settings = Map.of("registerNameServerPeriod", String.valueOf(REGISTER_PERIOD_MILLIS),
            "brokerIP1", PROXY_HOST, "bindAddress", "127.0.0.1");
        try (ChaosCluster cluster = ChaosCluster.start("chaos-net", 1, settings)) {
            TcpProxy proxy = cluster.proxy(0, PROXY_HOST);
            String topic = cluster.createTopic("ChaosNet", 4, PROXY_HOST);
            try (ChaosWorkload load = new ChaosWorkload(cluster.namesrv.address(), topic, 4, 50_000)
                .start(false, true)) {
                List<String> recoveries = new ArrayList<>();
                for (int restart = 1; restart <= 2; restart++) {
                    recoveries.add(restartNameServer(cluster, load, topic, restart == 2));
                }
                recoveries.add(connectionFault(proxy, load, TcpProxy.Mode.DROP, Duration.ofSeconds(3)));
                recoveries.add(connectionFault(proxy, load, TcpProxy.Mode.STALL, Duration.ofSeconds(5)));
                assertTrue(load.awaitAcks(200, BOUND));
                load.stopSending();
                load.awaitDrained(Duration.ofSeconds(60));
                load.report("name server restarted twice, proxy drop 3 s and stall 5 s, 1 SYNC_FLUSH broker")
                    .withRecoveries(recoveries).printAndAssertNoLoss(800);
            }
        }
    }

    /** Stops (or kills) the name server for 3 s under load: sends and deliveries go on; the broker re-registers. */
    private static String restartNameServer(ChaosCluster cluster, ChaosWorkload load, String topic, boolean kill)
        throws Exception {
        assertTrue(load.awaitAcks(150, BOUND));
        if (kill) {
            cluster.namesrv.process().kill9();
        } else {
            cluster.namesrv.stop();
        }
        int acked = load.acknowledgedCount();
        int received = load.receivedCount();
        ChaosWorkload.pause(3_000);
        int ackedWhileDown = load.acknowledgedCount() - acked;
        int receivedWhileDown = load.receivedCount() - received;
        cluster.namesrv.restart();
        long up = System.nanoTime();
        long registered = ChaosWorkload.waitMillis(Duration.ofMillis(REGISTER_PERIOD_MILLIS + 5_000),
            () -> cluster.route(topic) != null);
        assertTrue(ackedWhileDown > 0, "no SEND_OK while the name server was down");
        assertTrue(receivedWhileDown > 0, "nothing consumed while the name server was down");
        assertTrue(registered >= 0 && registered <= REGISTER_PERIOD_MILLIS + 2_000,
            "the broker registered " + registered + " ms after the name server came back");
        return String.format("name server %s: %d SEND_OK and %d received during 3 s down, route back %d ms after "
            + "restart", kill ? "kill -9" : "stop", ackedWhileDown, receivedWhileDown, registered);
    }

    /** Puts the proxy in {@code mode} for {@code period}, then back to PASS; the time to the next SEND_OK. */
    private static String connectionFault(TcpProxy proxy, ChaosWorkload load, TcpProxy.Mode mode, Duration period) {
        assertTrue(load.awaitAcks(150, BOUND));
        proxy.mode(mode);
        ChaosWorkload.pause(period.toMillis());
        int ackedDuring = load.acknowledgedCount();
        proxy.mode(TcpProxy.Mode.PASS);
        long restored = System.nanoTime();
        long nextAck = load.millisUntilNextAck(restored, BOUND);
        assertTrue(nextAck >= 0, "no SEND_OK after the proxy " + mode + " ended");
        return String.format("proxy %s %d s: next SEND_OK %d ms after the link came back (%d acked by then)", mode,
            period.toSeconds(), nextAck, ackedDuring);
    }
}
