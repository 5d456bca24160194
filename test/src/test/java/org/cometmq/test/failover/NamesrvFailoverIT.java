package org.cometmq.test.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.Message;
import org.cometmq.remoting.netty.NettyRemotingClient;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two CometMQ name servers, one CometMQ broker registered with both, CometMQ clients configured with both. One
 * name server is stopped after the clients picked theirs; a topic created afterwards must still reach the clients
 * through the other, within a bound. Run once stopping the first-listed and once the second-listed name server, so
 * the outcome does not hinge on which one the client happened to pick. Each test needs servers of its own (it
 * stops one), so they are started per test.
 */
@CrossProcess
class NamesrvFailoverIT {
    private static final Duration ROUTE_BOUND = Duration.ofSeconds(20);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stopAll() {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                // keep closing; the harness kills leftover processes at JVM exit
            }
        }
        toClose.clear();
    }

    /** Which of the two name servers a test stops. */
    private enum Stop { FIRST_LISTED, SECOND_LISTED, THE_ONE_THE_CLIENT_USES }

    @Test
    void newTopicReachesTheClientsWhenTheFirstListedNameServerStops() throws Exception {
        newTopicReachesTheClientsAfterAStop(Stop.FIRST_LISTED);
    }

    @Test
    void newTopicReachesTheClientsWhenTheSecondListedNameServerStops() throws Exception {
        newTopicReachesTheClientsAfterAStop(Stop.SECOND_LISTED);
    }

    /** The client picks its name server at random; this one makes sure the failover path itself is taken. */
    @Test
    void newTopicReachesTheClientsWhenTheNameServerTheyUseStops() throws Exception {
        newTopicReachesTheClientsAfterAStop(Stop.THE_ONE_THE_CLIENT_USES);
    }

    private void newTopicReachesTheClientsAfterAStop(Stop which) throws Exception {
        List<CometNamesrv> namesrvs = List.of(track(CometNamesrv.start("nsfo-namesrv-1")),
            track(CometNamesrv.start("nsfo-namesrv-2")));
        String bothAddrs = namesrvs.get(0).address() + ";" + namesrvs.get(1).address();
        CometBroker broker = track(CometBroker.builder("nsfo-broker").clusterName("NsFailoverCluster")
            .namesrvAddr(bothAddrs).start());
        // The admin (a test tool, not under test) knows both; it creates topics on the broker directly.
        DefaultMQAdminExt admin = ApacheClients.startedAdmin(bothAddrs);
        toClose.add(admin::shutdown);

        // The client picks a name server while both are up: a first send makes the choice.
        String instance = "nsfo_" + ProcessHandle.current().pid() + "_" + which.ordinal();
        DefaultMQProducer producer = startedProducer(bothAddrs, instance, which);
        String warmUp = createTopic(admin, broker, "NsWarmUp");
        assertEquals(SendStatus.SEND_OK, producer.send(message(warmUp, "warm-up")).getSendStatus());
        String chosenBeforeStop = String.valueOf(chosenNamesrv(producer));
        int stoppedIndex = switch (which) {
            case FIRST_LISTED -> 0;
            case SECOND_LISTED -> 1;
            case THE_ONE_THE_CLIENT_USES -> namesrvs.get(0).address().equals(chosenBeforeStop) ? 0 : 1;
        };
        CometNamesrv stopped = namesrvs.get(stoppedIndex);
        CometNamesrv surviving = namesrvs.get(1 - stoppedIndex);

        stopped.stop();
        long stoppedAt = System.nanoTime();
        String topic = createTopic(admin, broker, "NsFailover");
        SendResult sent = Await.until("a send to " + topic + " after " + stopped.address() + " stopped (the client"
                + " had chosen " + chosenBeforeStop + ")", ROUTE_BOUND,
            () -> producer.send(message(topic, "after-stop")), r -> r.getSendStatus() == SendStatus.SEND_OK);
        // A consumer on the same client instance (so the same name server choice) subscribes to the new topic.
        Map<String, Integer> received = new ConcurrentHashMap<>();
        startConsumer(bothAddrs, instance, which, topic, received);
        Await.untilTrue("the consumer to receive the message on " + topic, ROUTE_BOUND,
            () -> received.containsKey("after-stop"));
        long tookMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
        report(Map.of("stop", which.name(), "stopped", stopped.address(), "chosenBeforeStop", chosenBeforeStop,
            "stopToDeliveryMillis", Long.toString(tookMillis)));

        assertEquals(broker.brokerName(), sent.getMessageQueue().getBrokerName());
        assertEquals(Map.of("after-stop", 1), Map.copyOf(received));
        assertEquals(surviving.address(), chosenNamesrv(producer), "the name server the client uses now");
        assertTrue(tookMillis < ROUTE_BOUND.toMillis(), "stop to delivery took " + tookMillis + " ms");
    }

    private DefaultMQProducer startedProducer(String namesrvAddrs, String instance, Stop which) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("nsfo_producer_" + which.ordinal());
        producer.setNamesrvAddr(namesrvAddrs);
        producer.setInstanceName(instance);
        producer.start();
        toClose.add(producer::shutdown);
        return producer;
    }

    private void startConsumer(String namesrvAddrs, String instance, Stop which, String topic,
                               Map<String, Integer> received) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("nsfo_consumer_" + which.ordinal());
        consumer.setNamesrvAddr(namesrvAddrs);
        consumer.setInstanceName(instance);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> received.merge(new String(m.getBody(), StandardCharsets.UTF_8), 1, Integer::sum));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        toClose.add(consumer::shutdown);
    }

    private <T extends AutoCloseable> T track(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private static String createTopic(DefaultMQAdminExt admin, CometBroker broker, String prefix) throws Exception {
        String topic = prefix + "_" + System.nanoTime();
        admin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(topic, 4, 4, 6));
        Await.until("route of " + topic, TIMEOUT,
            () -> admin.examineTopicRouteInfo(topic), r -> r != null && !r.getQueueDatas().isEmpty());
        return topic;
    }

    private static Message message(String topic, String body) {
        return new Message(topic, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The name server address the producer's client instance currently talks to. */
    private static String chosenNamesrv(DefaultMQProducer producer) {
        return ((NettyRemotingClient) producer.getDefaultMQProducerImpl().getMQClientFactory().getMQClientAPIImpl()
            .getRemotingClient()).getNamesrvAddrChoosed();
    }

    /** One line on the test output, so a run shows what the failover looked like (JUnit report entries are dropped). */
    private static void report(Map<String, String> facts) {
        System.out.println("NamesrvFailoverIT: " + new TreeMap<>(facts));
    }
}
