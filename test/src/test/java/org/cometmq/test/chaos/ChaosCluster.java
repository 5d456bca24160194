package org.cometmq.test.chaos;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.testkit.Await;

/**
 * One CometMQ name server and SYNC_FLUSH master brokers started from the distribution, each on its own store, plus
 * an Apache admin client for topics and routes; a master may get a slave. Closing stops everything that is still
 * running.
 */
final class ChaosCluster implements AutoCloseable {
    static final String CLUSTER = "ChaosCluster";
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(40);

    final CometNamesrv namesrv;
    final List<CometBroker> brokers = new ArrayList<>();
    final List<CometBroker> slaves = new ArrayList<>();
    final List<TcpProxy> proxies = new ArrayList<>();
    DefaultMQAdminExt admin;

    private ChaosCluster(CometNamesrv namesrv) {
        this.namesrv = namesrv;
    }

    /** Whether the long variants run ({@code -Dchaos.long=true}). */
    static boolean longRun() {
        return Boolean.getBoolean("chaos.long");
    }

    /** A name server and {@code brokers} masters with {@code settings} on top of SYNC_FLUSH. */
    static ChaosCluster start(String name, int brokers, Map<String, String> settings) throws Exception {
        return start(name, brokers, settings, b -> b);
    }

    static ChaosCluster start(String name, int brokers, Map<String, String> settings,
                              UnaryOperator<CometBroker.Builder> customize) throws Exception {
        ChaosCluster cluster = new ChaosCluster(CometNamesrv.start(name + "-namesrv"));
        try {
            // brokers boot in parallel: a boot takes seconds, and the scenarios are bounded in time
            List<CompletableFuture<CometBroker>> starting = new ArrayList<>();
            for (int i = 0; i < brokers; i++) {
                CometBroker.Builder builder = CometBroker.builder(name + "-broker-" + (char) ('a' + i))
                    .clusterName(CLUSTER).namesrvAddr(cluster.namesrv.address())
                    .property("flushDiskType", "SYNC_FLUSH");
                settings.forEach(builder::property);
                starting.add(CompletableFuture.supplyAsync(() -> customize.apply(builder).start()));
            }
            RuntimeException failed = null;
            for (CompletableFuture<CometBroker> broker : starting) {
                try {
                    cluster.brokers.add(broker.join()); // the cluster closes every broker that did start
                } catch (RuntimeException e) {
                    failed = e;
                }
            }
            if (failed != null) {
                throw failed;
            }
            cluster.admin = ApacheClients.startedAdmin(cluster.namesrv.address());
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Puts a {@link TcpProxy} in front of broker {@code index}: the broker must register {@code proxyHost} as
     * brokerIP1 and bind 127.0.0.1, so clients reach it only through the proxy on {@code proxyHost:port}.
     */
    TcpProxy proxy(int index, String proxyHost) throws Exception {
        CometBroker broker = brokers.get(index);
        TcpProxy proxy = new TcpProxy(new InetSocketAddress(proxyHost, broker.port()),
            new InetSocketAddress("127.0.0.1", broker.port()));
        proxies.add(proxy);
        return proxy;
    }

    /**
     * Starts a SYNC_FLUSH slave (brokerId 1) of master {@code index} on its own store, once it booted; it serves
     * pulls (slaveReadEnable) so consumers read from it while the master is down. It is not one of
     * {@link #brokers}: topics are created on masters, and the slave copies them from its master.
     */
    CometBroker startSlave(int index) {
        CometBroker master = brokers.get(index);
        CometBroker slave = CometBroker.builder(master.brokerName() + "-slave").clusterName(CLUSTER)
            .namesrvAddr(namesrv.address()).property("brokerName", master.brokerName()).property("brokerId", "1")
            .property("brokerRole", "SLAVE").property("flushDiskType", "SYNC_FLUSH").property("slaveReadEnable", "true")
            .start();
        slaves.add(slave);
        return slave;
    }

    /** The broker's commit-log max offset from its runtime info; -1 while it does not answer. */
    long commitLogMaxOffset(CometBroker broker) {
        try {
            return Long.parseLong(admin.fetchBrokerRuntimeStats(broker.address()).getTable()
                .get("commitLogMaxOffset"));
        } catch (Exception e) {
            return -1;
        }
    }

    /** A topic with {@code queues} queues on every broker, once its route lists them all. */
    String createTopic(String prefix, int queues, String brokerAddressHost) throws Exception {
        String topic = prefix + "_" + System.nanoTime() % 1_000_000;
        for (CometBroker broker : brokers) {
            admin.createAndUpdateTopicConfig(brokerAddressHost + ":" + broker.port(),
                new TopicConfig(topic, queues, queues, 6));
        }
        Await.until("route of " + topic, ROUTE_TIMEOUT, () -> route(topic),
            r -> r != null && r.getQueueDatas().size() == brokers.size());
        return topic;
    }

    TopicRouteData route(String topic) {
        try {
            return admin.examineTopicRouteInfo(topic);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.shutdown();
        }
        for (TcpProxy proxy : proxies) {
            try {
                proxy.close();
            } catch (Exception ignored) {
                // the proxy only runs in this JVM; its threads are daemons
            }
        }
        slaves.forEach(CometBroker::close);
        brokers.forEach(CometBroker::close);
        namesrv.close();
    }
}
