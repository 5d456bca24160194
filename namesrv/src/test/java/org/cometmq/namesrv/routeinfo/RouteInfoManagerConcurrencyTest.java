package org.cometmq.namesrv.routeinfo;

import static org.cometmq.namesrv.routeinfo.RouteFixtures.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.junit.jupiter.api.Test;

/** Eight threads register distinct brokers and topics while reading routes; nothing may be lost. */
class RouteInfoManagerConcurrencyTest {
    private static final int THREADS = 8;
    private static final int MAX_ROUNDS = 2000;
    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(2);

    @Test
    void concurrentRegistrationsAndReadsLoseNothing() throws Exception {
        RouteInfoManager manager = new RouteInfoManager();
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        int[] rounds = new int[THREADS];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    rounds[id] = registerAndRead(manager, id);
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "route-writer-" + t);
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(30_000);
        }

        assertTrue(errors.isEmpty(), () -> "errors: " + errors);
        RouteSnapshot s = manager.snapshot();
        Set<String> expectedTopics = new HashSet<>();
        for (int t = 0; t < THREADS; t++) {
            assertTrue(rounds[t] > 0, "thread " + t + " ran");
            assertEquals(Set.of("broker-" + t), s.topicQueueTable().get(topic(t, 0)).keySet());
            for (int r = 0; r < rounds[t]; r++) {
                expectedTopics.add(topic(t, r));
            }
            assertEquals("127.0.0.1:" + (10000 + t), s.brokerAddrTable().get("broker-" + t).getBrokerAddrs().get(0L));
        }
        assertEquals(expectedTopics, s.topicQueueTable().keySet());
        assertEquals(THREADS, s.brokerAddrTable().size());
        assertEquals(THREADS, s.brokerLiveTable().size());
        assertEquals(THREADS, s.clusterAddrTable().get("DefaultCluster").size());
    }

    private static String topic(int thread, int round) {
        return "T_" + thread + "_" + round;
    }

    /** Each round adds one topic to this thread's broker under a new data version, then reads routes. */
    private static int registerAndRead(RouteInfoManager manager, int id) {
        long deadline = System.nanoTime() + MAX_NANOS;
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        int round = 0;
        while (round < MAX_ROUNDS && System.nanoTime() < deadline) {
            wrapper.getTopicConfigTable().put(topic(id, round), new TopicConfig(topic(id, round), 4, 4, 6));
            TopicConfigSerializeWrapper sent = new TopicConfigSerializeWrapper();
            sent.getTopicConfigTable().putAll(wrapper.getTopicConfigTable());
            sent.setDataVersion(version(1, round + 1));
            manager.registerBroker("DefaultCluster", "127.0.0.1:" + (10000 + id), "broker-" + id, 0, "h:" + id,
                sent, null, null);
            TopicRouteData own = manager.pickupTopicRouteData(topic(id, round));
            assertNotNull(own, "own topic visible right after registering it");
            assertEquals("broker-" + id, own.getBrokerDatas().get(0).getBrokerName());
            manager.pickupTopicRouteData(topic((id + 1) % THREADS, 0));
            manager.getAllClusterInfo();
            round++;
        }
        return round;
    }
}
