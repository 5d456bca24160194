package org.cometmq.test.txn;

import static org.cometmq.test.txn.TxnCluster.bytes;
import static org.cometmq.test.txn.TxnCluster.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Apache 4.9.7 transaction producers against a CometMQ broker that checks half messages every second after one
 * second and gives up after three checks: commit, rollback, check-back, a crashed producer's transaction
 * finished by another producer of its group, and a transaction nobody answers discarded.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionIT {
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(40);
    /** Several check rounds: long enough for anything wrongly pending to show up. */
    private static final Duration QUIET = Duration.ofSeconds(4);

    private TxnCluster cluster;

    @BeforeAll
    void startServers() throws Exception {
        cluster = TxnCluster.start("txn", Map.of(
            "transactionCheckInterval", "1000",
            "transactionTimeOut", "1000",
            "transactionCheckMax", "3"));
    }

    @AfterAll
    void stopServers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Answers the local transaction with the state passed as argument; answers checks with {@code onCheck}. */
    private static final class ScriptedListener implements TransactionListener {
        final List<String> checked = new CopyOnWriteArrayList<>();
        final Map<String, String> checkedTransactionIds = new ConcurrentHashMap<>();
        private final LocalTransactionState onCheck;

        ScriptedListener(LocalTransactionState onCheck) {
            this.onCheck = onCheck;
        }

        @Override
        public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
            return (LocalTransactionState) arg;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt msg) {
            checked.add(text(msg.getBody()));
            checkedTransactionIds.put(text(msg.getBody()), msg.getTransactionId());
            return onCheck;
        }
    }

    private Map<String, Integer> consume(String topic) throws Exception {
        Map<String, Integer> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = cluster.pushConsumer(TxnCluster.unique("txn_cg"));
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> received.merge(text(m.getBody()), 1, Integer::sum));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return received;
    }

    private static TransactionSendResult send(TransactionMQProducer producer, String topic, String body,
                                              LocalTransactionState outcome) throws Exception {
        TransactionSendResult result = producer.sendMessageInTransaction(new Message(topic, "TagTx", bytes(body)),
            outcome);
        assertEquals(SendStatus.SEND_OK, result.getSendStatus());
        assertEquals(outcome, result.getLocalTransactionState());
        assertNotNull(result.getMsgId());
        return result;
    }

    @Test
    void committedAndCheckedBackMessagesAreDeliveredAndTheRolledBackOneNever() throws Exception {
        String topic = cluster.createTopic("TxTopic", 2);
        String group = TxnCluster.unique("txn_pg");
        ScriptedListener listener = new ScriptedListener(LocalTransactionState.COMMIT_MESSAGE);
        TransactionMQProducer producer = cluster.transactionProducer(group, listener);
        Map<String, Integer> received = consume(topic);

        send(producer, topic, "tx-commit", LocalTransactionState.COMMIT_MESSAGE);
        send(producer, topic, "tx-rollback", LocalTransactionState.ROLLBACK_MESSAGE);
        TransactionSendResult unknown = send(producer, topic, "tx-unknown", LocalTransactionState.UNKNOW);

        Await.until("the committed and the checked-back message", DELIVERY_TIMEOUT, received::size, n -> n >= 2);
        Thread.sleep(QUIET.toMillis());
        assertEquals(new TreeMap<>(Map.of("tx-commit", 1, "tx-unknown", 1)), new TreeMap<>(received));
        assertEquals(List.of("tx-unknown"), listener.checked);
        assertEquals(unknown.getMsgId(), listener.checkedTransactionIds.get("tx-unknown"));
    }

    @Test
    void aCrashedProducersTransactionIsFinishedByAnotherProducerOfItsGroup() throws Exception {
        String topic = cluster.createTopic("TxCrash", 1);
        String group = TxnCluster.unique("txn_crash_pg");
        ScriptedListener crashed = new ScriptedListener(LocalTransactionState.ROLLBACK_MESSAGE);
        ScriptedListener survivor = new ScriptedListener(LocalTransactionState.COMMIT_MESSAGE);
        TransactionMQProducer first = cluster.transactionProducer(group, crashed);
        cluster.transactionProducer(group, survivor);
        Map<String, Integer> received = consume(topic);
        cluster.awaitProducerConnections(group, topic, 2);

        // the first producer sends a half message and goes away before ending its transaction
        TransactionSendResult orphan = send(first, topic, "orphan", LocalTransactionState.UNKNOW);
        first.shutdown();

        Await.until("the orphan committed by the surviving producer", DELIVERY_TIMEOUT, received::size, n -> n >= 1);
        Thread.sleep(QUIET.toMillis());
        assertEquals(Map.of("orphan", 1), received);
        assertEquals(List.of("orphan"), survivor.checked);
        assertEquals(orphan.getMsgId(), survivor.checkedTransactionIds.get("orphan"));
        assertEquals(List.of(), crashed.checked);
    }

    @Test
    void aTransactionNobodyAnswersIsDiscardedAfterTheMaximumChecksAndNeverDelivered() throws Exception {
        String topic = cluster.createTopic("TxDoomed", 1);
        String group = TxnCluster.unique("txn_doomed_pg");
        ScriptedListener gone = new ScriptedListener(LocalTransactionState.COMMIT_MESSAGE);
        TransactionMQProducer producer = cluster.transactionProducer(group, gone);
        Map<String, Integer> received = consume(topic);
        String body = TxnCluster.unique("doomed");
        TransactionSendResult doomed = send(producer, topic, body, LocalTransactionState.UNKNOW);
        producer.shutdown();

        List<MessageExt> discarded = Await.until(body + " in TRANS_CHECK_MAX_TIME_TOPIC", DELIVERY_TIMEOUT,
            () -> cluster.readQueue("TRANS_CHECK_MAX_TIME_TOPIC").stream()
                .filter(m -> body.equals(text(m.getBody()))).toList(),
            list -> !list.isEmpty());
        assertEquals(1, discarded.size());
        MessageExt copy = discarded.get(0);
        assertEquals("3", copy.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES));
        assertEquals(topic, copy.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        assertEquals(group, copy.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP));
        assertEquals(doomed.getMsgId(), copy.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));

        // a producer of the group that comes back later is not asked about it, and nothing is delivered
        ScriptedListener returning = new ScriptedListener(LocalTransactionState.COMMIT_MESSAGE);
        cluster.transactionProducer(group, returning);
        cluster.awaitProducerConnections(group, topic, 1);
        Thread.sleep(QUIET.toMillis());
        assertEquals(List.of(), returning.checked);
        assertEquals(List.of(), gone.checked);
        assertEquals(Set.of(), received.keySet());
    }
}
