package org.cometmq.test.txn;

import static org.cometmq.test.txn.TxnCluster.bytes;
import static org.cometmq.test.txn.TxnCluster.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Apache 4.9.7 push consumers with {@code MessageSelector.bySql} against a CometMQ broker with
 * {@code enablePropertyFilter=true}. Ten messages m1..m10 carry a = 1..10, parity = odd/even, and low = yes only
 * for a <= 4; each selector must deliver exactly its set.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Sql92FilterIT {
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final int SUBSCRIPTION_PARSE_FAILED = 23;

    private TxnCluster cluster;
    private String topic;

    @BeforeAll
    void startServersAndSend() throws Exception {
        cluster = TxnCluster.start("sql92", Map.of("enablePropertyFilter", "true"));
        topic = cluster.createTopic("Sql92Topic", 2);
        DefaultMQProducer producer = cluster.producer("sql92_pg");
        for (int a = 1; a <= 10; a++) {
            Message message = new Message(topic, "TagS", bytes("m" + a));
            message.putUserProperty("a", String.valueOf(a));
            message.putUserProperty("parity", a % 2 == 0 ? "even" : "odd");
            if (a <= 4) {
                message.putUserProperty("low", "yes");
            }
            assertEquals(SendStatus.SEND_OK, producer.send(message).getSendStatus());
        }
    }

    @AfterAll
    void stopServers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Map<String, Integer> consume(String sql) throws Exception {
        Map<String, Integer> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = cluster.pushConsumer(TxnCluster.unique("sql92_cg"));
        consumer.subscribe(topic, MessageSelector.bySql(sql));
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> received.merge(text(m.getBody()), 1, Integer::sum));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return received;
    }

    /** Subscribes with {@code sql} and checks that exactly the messages whose a satisfies {@code expected} arrive once. */
    private void assertSelects(String sql, IntPredicate expected) throws Exception {
        Set<String> wanted = IntStream.rangeClosed(1, 10).filter(expected).mapToObj(a -> "m" + a)
            .collect(Collectors.toCollection(TreeSet::new));
        Map<String, Integer> received = consume(sql);
        Await.until(wanted.size() + " messages for " + sql, DELIVERY_TIMEOUT, received::size,
            n -> n >= wanted.size());
        Thread.sleep(QUIET.toMillis());
        assertEquals(wanted, new TreeSet<>(received.keySet()), sql);
        assertTrue(received.values().stream().allMatch(n -> n == 1), "each message once: " + received);
    }

    @Test
    void betweenSelectsThreeMessages() throws Exception {
        assertSelects("a BETWEEN 3 AND 5", a -> a >= 3 && a <= 5);
    }

    @Test
    void inSelectsTheListedValues() throws Exception {
        assertSelects("a IN ('2', '7', '12')", a -> a == 2 || a == 7);
    }

    @Test
    void isNullSelectsMessagesWithoutTheProperty() throws Exception {
        assertSelects("low IS NULL", a -> a > 4);
    }

    @Test
    void stringEqualitySelectsByText() throws Exception {
        assertSelects("parity = 'even'", a -> a % 2 == 0);
    }

    @Test
    void nestedAndOrSelectsTheUnion() throws Exception {
        assertSelects("(low = 'yes' AND parity = 'odd') OR (a > 7 AND (parity = 'even' OR a = 9))",
            a -> (a <= 4 && a % 2 == 1) || a > 7);
    }

    @Test
    void malformedExpressionFailsTheConsumerStartAndTheBrokerServesTheNextOne() throws Exception {
        DefaultMQPushConsumer bad = cluster.pushConsumer(TxnCluster.unique("sql92_bad_cg"));
        bad.subscribe(topic, MessageSelector.bySql("a BETWEEN 3"));
        bad.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) ->
            ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        MQClientException failure = assertThrows(MQClientException.class, bad::start);
        bad.shutdown();
        assertEquals(SUBSCRIPTION_PARSE_FAILED, failure.getResponseCode(), failure.getMessage());
        assertTrue(failure.getErrorMessage().startsWith("Syntax error at column")
            && failure.getErrorMessage().endsWith("in 'a BETWEEN 3'"), failure.getErrorMessage());

        assertSelects("a > 8", a -> a > 8);
    }
}
