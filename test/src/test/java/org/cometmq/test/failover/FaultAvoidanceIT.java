package org.cometmq.test.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.client.impl.producer.TopicPublishInfo;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A CometMQ producer with {@code sendLatencyFaultEnable=true} sends synchronously to a topic spread over two CometMQ
 * brokers while one of them is killed (kill -9). The producer must set the dead broker aside after its first
 * failure, callers must (almost) never see a failure, and every acknowledged message must be consumable: from the
 * surviving broker at once, from the killed one after it restarted on the same store.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultAvoidanceIT {
    private static final String CLUSTER = "FailoverCluster";
    private static final String DOOMED = "broker-a";
    private static final String SURVIVOR = "broker-b";
    private static final int QUEUES_PER_BROKER = 4;
    private static final int MAX_MESSAGES = 3_000;
    private static final Duration MAX_LOOP = Duration.ofSeconds(40);
    private static final int KILL_AT = 1_000;
    private static final int MIN_SENDS_AFTER_KILL = 200;
    /**
     * Failures the caller may see. A sync send makes up to 3 attempts (retryTimesWhenSendFailed 2) within
     * sendMsgTimeout, and after the first failed attempt on the dead broker that broker is isolated (a failure
     * counts as 30 s latency, so 600 s aside), so every later send goes to the survivor at its first attempt. The
     * one send that can still fail is the one in flight when the broker dies, if its failure is only noticed when
     * the whole send timeout is used up.
     */
    private static final int MAX_CALLER_FAILURES = 1;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private CometNamesrv namesrv;
    private CometBroker doomed;
    private CometBroker survivor;
    private DefaultMQAdminExt admin;
    private DefaultMQProducer producer;
    private String topic;

    /** One synchronous send as the caller saw it. */
    private record Outcome(String body, boolean startedAfterKill, String brokerName, SendStatus status,
                           Exception error) {
        boolean acknowledged() {
            return status == SendStatus.SEND_OK;
        }
    }

    @BeforeAll
    void startClusterAndTopic() throws Exception {
        namesrv = CometNamesrv.start("failover-namesrv");
        doomed = CometBroker.builder(DOOMED).clusterName(CLUSTER).namesrvAddr(namesrv.address()).start();
        survivor = CometBroker.builder(SURVIVOR).clusterName(CLUSTER).namesrvAddr(namesrv.address()).start();
        admin = ApacheClients.startedAdmin(namesrv.address());
        topic = "FaultAvoidance_" + System.nanoTime();
        for (CometBroker broker : List.of(doomed, survivor)) {
            admin.createAndUpdateTopicConfig(broker.address(),
                new TopicConfig(topic, QUEUES_PER_BROKER, QUEUES_PER_BROKER, 6));
        }
        awaitRouteOnBothBrokers();
        producer = new DefaultMQProducer("fault_avoidance_producer");
        producer.setNamesrvAddr(namesrv.address());
        producer.setInstanceName("fault_avoidance_" + ProcessHandle.current().pid());
        producer.setSendLatencyFaultEnable(true);
        // Keep the route first seen (it lists the doomed broker): only fault avoidance may keep sends away from it.
        producer.setPollNameServerInterval(600_000);
        producer.start();
    }

    @AfterAll
    void stopAll() {
        for (AutoCloseable closeable : new AutoCloseable[] {
            () -> producer.shutdown(), () -> admin.shutdown(), doomed, survivor, namesrv}) {
            try {
                closeable.close();
            } catch (Exception e) {
                // keep closing; the harness kills leftover processes at JVM exit
            }
        }
    }

    @Test
    void producerAvoidsTheKilledBrokerAndEveryAcknowledgedMessageIsConsumable() throws Exception {
        List<Outcome> outcomes = sendWhileKilling();

        List<Outcome> failures = outcomes.stream().filter(o -> o.error() != null).toList();
        List<Outcome> afterKill = outcomes.stream().filter(Outcome::startedAfterKill).toList();
        report(Map.of("sends", Integer.toString(outcomes.size()),
            "sendsAfterKill", Integer.toString(afterKill.size()), "callerFailures", Integer.toString(failures.size()),
            "acknowledgedByBroker", countByBroker(outcomes).toString()));
        assertTrue(failures.size() <= MAX_CALLER_FAILURES, "failures seen by the caller: " + failures);
        assertTrue(afterKill.size() >= MIN_SENDS_AFTER_KILL, "sends after the kill: " + afterKill.size());
        assertEquals(Set.of(DOOMED, SURVIVOR), brokersOf(outcomes.subList(0, KILL_AT)),
            "before the kill: " + countByBroker(outcomes.subList(0, KILL_AT)));
        assertEquals(Set.of(SURVIVOR), brokersOf(afterKill), "after the kill: " + countByBroker(afterKill));
        assertTrue(outcomes.stream().allMatch(o -> o.error() != null || o.acknowledged()), "only SEND_OK");
        assertSelectionAvoidsTheDeadBroker();

        Set<String> ackedOnSurvivor = acknowledgedOn(outcomes, SURVIVOR);
        Set<String> ackedOnDoomed = acknowledgedOn(outcomes, DOOMED);
        assertEquals(outcomes.size() - failures.size(), ackedOnSurvivor.size() + ackedOnDoomed.size());
        awaitConsumable(SURVIVOR, ackedOnSurvivor);
        doomed.restart();
        awaitRouteOnBothBrokers();
        awaitConsumable(DOOMED, ackedOnDoomed);
    }

    /** Sends until {@link #MAX_MESSAGES} or {@link #MAX_LOOP}; kills the doomed broker concurrently at send KILL_AT. */
    private List<Outcome> sendWhileKilling() throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        CompletableFuture<Void> kill = null;
        List<Outcome> outcomes = new ArrayList<>(MAX_MESSAGES);
        long deadline = System.nanoTime() + MAX_LOOP.toNanos();
        for (int i = 0; i < MAX_MESSAGES && System.nanoTime() - deadline < 0; i++) {
            if (i == KILL_AT) {
                kill = CompletableFuture.runAsync(() -> {
                    doomed.kill9();
                    killed.set(true);
                });
            }
            String body = "fa-" + i;
            boolean startedAfterKill = killed.get();
            try {
                SendResult result = producer.send(new Message(topic, body.getBytes(StandardCharsets.UTF_8)));
                outcomes.add(new Outcome(body, startedAfterKill, result.getMessageQueue().getBrokerName(),
                    result.getSendStatus(), null));
            } catch (Exception e) {
                outcomes.add(new Outcome(body, startedAfterKill, null, null, e));
            }
        }
        if (kill == null) {
            throw new AssertionError("only " + outcomes.size() + " sends in " + MAX_LOOP + ", the kill never came");
        }
        kill.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return outcomes;
    }

    /**
     * The producer's cached route still lists the dead broker's queues, yet its queue selection only yields the
     * survivor's: the dead broker is set aside by fault avoidance, not dropped from the route.
     */
    private void assertSelectionAvoidsTheDeadBroker() {
        TopicPublishInfo info = producer.getDefaultMQProducerImpl().getTopicPublishInfoTable().get(topic);
        Set<String> routed = info.getMessageQueueList().stream().map(MessageQueue::getBrokerName)
            .collect(Collectors.toSet());
        assertEquals(Set.of(DOOMED, SURVIVOR), routed, "the cached route");
        Set<String> selected = new HashSet<>();
        for (int i = 0; i < 4 * QUEUES_PER_BROKER; i++) {
            selected.add(producer.getDefaultMQProducerImpl().selectOneMessageQueue(info, null).getBrokerName());
        }
        assertEquals(Set.of(SURVIVOR), selected, "queues selected after the failure");
    }

    private void awaitConsumable(String brokerName, Set<String> acknowledged) {
        Set<String> consumed = Await.until("the " + acknowledged.size() + " acknowledged messages of " + brokerName,
            TIMEOUT, () -> QueueDrainer.bodies(namesrv.address(), topic, brokerName, QUEUES_PER_BROKER),
            c -> c.containsAll(acknowledged));
        assertTrue(consumed.containsAll(acknowledged));
        assertTrue(consumed.size() >= acknowledged.size());
    }

    private void awaitRouteOnBothBrokers() {
        Await.until("route of " + topic + " on both brokers", TIMEOUT, () -> admin.examineTopicRouteInfo(topic),
            r -> r != null && r.getQueueDatas().size() == 2 && r.getBrokerDatas().size() == 2);
    }

    private static Set<String> brokersOf(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::acknowledged).map(Outcome::brokerName).collect(Collectors.toSet());
    }

    private static Set<String> acknowledgedOn(List<Outcome> outcomes, String brokerName) {
        return outcomes.stream().filter(o -> o.acknowledged() && brokerName.equals(o.brokerName()))
            .map(Outcome::body).collect(Collectors.toSet());
    }

    /** Per broker, how many sends were acknowledged; for failure messages. */
    private static Map<String, Long> countByBroker(List<Outcome> outcomes) {
        return new TreeMap<>(outcomes.stream().filter(Outcome::acknowledged)
            .collect(Collectors.groupingBy(Outcome::brokerName, Collectors.counting())));
    }

    /** One line on the test output, so a run shows what the failover looked like (JUnit report entries are dropped). */
    private static void report(Map<String, String> facts) {
        System.out.println("FaultAvoidanceIT: " + new TreeMap<>(facts));
    }
}
