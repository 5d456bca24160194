package org.cometmq.test.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.client.ClientCluster;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Spring Boot application (annotated listeners and a template, see {@link SpringApp}) against one cluster. Each
 * IT class picks the starter (CometMQ's or Apache's) and the cluster (CometMQ's or Apache 4.9.7's); the assertions
 * are the same for every pairing. One cluster and one application per class; the broker filters by SQL92.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SpringStarterScenario {
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int QUEUES = 4;
    /** Sent by the second template to the String listener; the other tests of that listener leave it out. */
    private static final String EXT_PAYLOAD = "from-ext-template";

    private ClientCluster cluster;
    private SpringApp app;

    /** The servers, started once for the class. */
    protected abstract ClientCluster startCluster();

    /** The application, started against {@code namesrvAddr}. */
    protected abstract SpringApp startApp(String namesrvAddr);

    protected ClientCluster cluster() {
        return cluster;
    }

    @BeforeAll
    void startClusterAndApp() throws Exception {
        // Boot must not reconfigure the logging of the shared test JVM.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        cluster = startCluster();
        DefaultMQAdminExt admin = ApacheClients.startedAdmin(cluster.namesrvAddr());
        try {
            for (String topic : SpringApp.TOPICS) {
                // A loaded machine can miss the admin's 3 s timeout once: retry, bounded.
                Await.untilTrue("topic " + topic + " created", TIMEOUT, () -> {
                    admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig(topic, QUEUES, QUEUES, 6));
                    return true;
                });
            }
        } finally {
            admin.shutdown();
        }
        try {
            app = startApp(cluster.namesrvAddr());
        } catch (RuntimeException e) {
            // On a loaded machine one client call can miss its 3 s timeout and fail the start (the application
            // would not start either); one more start, bounded, keeps such a miss from failing the class.
            System.err.println("application start failed once, starting again: " + e);
            app = startApp(cluster.namesrvAddr());
        }
    }

    @AfterAll
    void stopAll() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void everySendModeArrivesAtTheListenersConverted() throws Exception {
        Order first = new Order("o-1", "book", 2);
        Order second = new Order("o-2", "pen", 5);
        assertSent(() -> app.syncSend(SpringApp.POJO_TOPIC, first));
        app.convertAndSend(SpringApp.POJO_TOPIC, second);

        assertSent(() -> app.syncSend(SpringApp.STRING_TOPIC, "sync"));
        assertSent(() -> app.asyncSend(SpringApp.STRING_TOPIC, "async"));
        app.sendOneWay(SpringApp.STRING_TOPIC, "oneway");
        app.convertAndSend(SpringApp.STRING_TOPIC + ":tagged", "converted");
        assertSent(() -> app.syncSendBatch(SpringApp.STRING_TOPIC, List.of("batch-1", "batch-2", "batch-3")));
        assertSent(() -> app.syncSendOrderly(SpringApp.STRING_TOPIC, "orderly-sync", "k"));
        assertSent(() -> app.asyncSendOrderly(SpringApp.STRING_TOPIC, "orderly-async", "k"));
        app.sendOneWayOrderly(SpringApp.STRING_TOPIC, "orderly-oneway", "k");
        assertSent(() -> app.syncSendDelayed(SpringApp.STRING_TOPIC, "delayed", 1));

        awaitExactly("pojo", List.of(first, second));
        awaitExactly("string", List.of("async", "batch-1", "batch-2", "batch-3", "converted", "delayed", "oneway",
            "orderly-async", "orderly-oneway", "orderly-sync", "sync"));
    }

    @Test
    void byteArrayListenersGetTheBodyAsSent() throws Exception {
        // Apache's starter 2.2.3 hands RocketMQListener<byte[]> a String (ClassCastException, redelivered forever).
        assumeTrue(app.starter().equals("comet"), "Apache rocketmq-spring 2.2.3 cannot deliver byte[] payloads");
        byte[] binary = {0, 1, (byte) 0xfe, (byte) 0xff, 42};
        assertSent(() -> app.syncSend(SpringApp.BYTES_TOPIC, binary));
        awaitExactly("bytes", List.of(HexFormat.of().formatHex(binary)));
    }

    @Test
    void orderlyListenerSeesEveryKeyInOrderOver1000Messages() throws Exception {
        int keys = 10;
        int perKey = 100;
        for (int seq = 0; seq < perKey; seq++) {
            for (int key = 0; key < keys; key++) {
                String hashKey = "key" + key;
                String body = hashKey + ":" + seq;
                assertSent(() -> app.syncSendOrderly(SpringApp.ORDERLY_TOPIC, body, hashKey));
            }
        }
        List<Object> got = Await.until("1000 orderly messages", Duration.ofSeconds(60),
            () -> app.received().of("orderly"), list -> list.size() >= keys * perKey);
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (Object message : got) {
            String[] parts = message.toString().split(":");
            byKey.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
        }
        List<Integer> expected = IntStream.range(0, perKey).boxed().toList();
        for (int key = 0; key < keys; key++) {
            assertEquals(expected, byKey.get("key" + key), "order of key" + key);
        }
        assertEquals(keys * perKey, got.size(), "no message twice");
    }

    @Test
    void aListenerThatThrowsGetsTheMessageAgain() throws Exception {
        assertSent(() -> app.syncSend(SpringApp.FAILING_TOPIC, "fail-once"));
        Await.until("the failed message delivered again", TIMEOUT, () -> app.received().of("failing"),
            list -> list.size() >= 2);
        assertEquals(List.of("fail-once", "fail-once"), app.received().of("failing"));
    }

    @Test
    void tagAndSql92SelectorsFilter() throws Exception {
        // One queue (same hash key) per topic: the last message arriving means the filtered ones came before it.
        for (String tag : List.of("drop", "keep", "other", "also")) {
            assertSent(() -> app.syncSendOrderly(SpringApp.TAG_TOPIC + ":" + tag, "tag-" + tag, "q"));
        }
        for (int a : new int[] {3, 7, 5, 9}) {
            assertSent(() -> app.syncSendWithHeaders(SpringApp.SQL_TOPIC, "a=" + a, Map.of("a", a)));
        }
        awaitExactly("tag", List.of("tag-also", "tag-keep"));
        awaitExactly("sql", List.of("a=7", "a=9"));
    }

    @Test
    void transactionalSendsCommitAndRollBack() throws Exception {
        assertEquals("COMMIT_MESSAGE", app.sendInTransaction(SpringApp.TX_TOPIC, "tx-commit", "commit"));
        assertEquals("ROLLBACK_MESSAGE", app.sendInTransaction(SpringApp.TX_TOPIC, "tx-rollback", "rollback"));
        assertSent(() -> app.syncSend(SpringApp.TX_TOPIC, "tx-plain"));
        awaitExactly("tx", List.of("tx-commit", "tx-plain"));
        assertEquals(List.of("tx-commit", "tx-rollback"), sorted(app.received().of("local-tx")));
    }

    @Test
    void sendAndReceiveGetsTheReplyListenersAnswer() {
        assertEquals("re:ping", app.sendAndReceive(SpringApp.REPLY_TOPIC, "ping", 15_000));
        assertEquals(List.of("ping"), app.received().of("reply"));
    }

    @Test
    void theSecondTemplateSendsWithItsOwnProducer() throws Exception {
        assertSent(() -> app.extSyncSend(SpringApp.STRING_TOPIC, EXT_PAYLOAD));
        Await.until("the ext template's message", TIMEOUT, () -> app.received().of("string"),
            list -> list.contains(EXT_PAYLOAD));
    }

    @Test
    void receivePullsWithTheConfiguredConsumer() throws Exception {
        // The pull consumer starts at the queue end once it owns the queues: send until a poll returns something.
        List<String> got = new ArrayList<>();
        int[] sent = {0};
        Await.until("a message through receive()", TIMEOUT, () -> {
            assertSent(() -> app.syncSend(SpringApp.PULL_TOPIC, "pull-" + sent[0]++));
            got.addAll(app.receive(1000));
            return got;
        }, list -> !list.isEmpty());
        for (String payload : got) {
            assertTrue(payload.startsWith("pull-"), payload);
        }
    }

    @Test
    void placeholdersInTheAnnotationsResolved() throws Exception {
        DefaultMQAdminExt admin = ApacheClients.startedAdmin(cluster.namesrvAddr());
        try {
            for (String listener : List.of("pojo", "orderly", "tag", "sql")) {
                String group = groupPrefix() + "_" + listener;
                Await.untilTrue("a consumer online in group " + group, TIMEOUT,
                    () -> !admin.examineConsumerConnectionInfo(group).getConnectionSet().isEmpty());
            }
        } finally {
            admin.shutdown();
        }
    }

    /**
     * A send that must end SEND_OK. A broker under flow control (code 2, "broker busy": a loaded test machine)
     * stored nothing, so the send is repeated, at most three times in all.
     */
    private static void assertSent(Callable<String> send) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                assertEquals("SEND_OK", send.call());
                return;
            } catch (RuntimeException e) {
                if (attempt == 3 || String.valueOf(e.getMessage()).indexOf("broker busy") < 0) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /** The prefix of the application's consumer groups (property it.group-prefix). */
    protected abstract String groupPrefix();

    /** Waits until {@code listener} received as many messages as expected, then compares them in sorted order. */
    private void awaitExactly(String listener, List<?> expected) {
        Await.until(listener + " receiving " + expected, TIMEOUT, () -> received(listener),
            list -> list.size() >= expected.size());
        List<Object> got = received(listener);
        assertEquals(sorted(expected), sorted(got), "what " + listener + " received (" + app.starter() + " starter)");
    }

    private List<Object> received(String listener) {
        return app.received().of(listener).stream().filter(payload -> !EXT_PAYLOAD.equals(payload)).toList();
    }

    private static List<String> sorted(List<?> values) {
        return values.stream().map(String::valueOf).sorted().toList();
    }
}
