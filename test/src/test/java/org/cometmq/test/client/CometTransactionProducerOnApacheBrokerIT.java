package org.cometmq.test.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.client.producer.LocalTransactionState;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.client.producer.TransactionListener;
import org.cometmq.client.producer.TransactionMQProducer;
import org.cometmq.client.producer.TransactionSendResult;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageExt;
import org.cometmq.test.client.ApacheQueueReader.Stored;
import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.ApacheNamesrv;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * CometMQ's transaction producer against an Apache 4.9.7 broker that checks back after 1 s: a committed message
 * becomes visible, a rolled-back one never does, and one left UNKNOW is committed by the check-back answer.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CometTransactionProducerOnApacheBrokerIT {
    private static final String BROKER_NAME = "comet-tx-broker";
    private static final int QUEUES = 1;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, String> checkedTransactionIds = new ConcurrentHashMap<>();
    private ApacheNamesrv nameServer;
    private ApacheBroker broker;
    private DefaultMQAdminExt admin;
    private TransactionMQProducer producer;
    private ApacheQueueReader reader;

    @BeforeAll
    void startServersAndProducer() throws Exception {
        nameServer = ApacheNamesrv.start(getClass().getSimpleName() + "-namesrv");
        broker = ApacheBroker.builder(BROKER_NAME).namesrvAddr(nameServer.address())
            .property("transactionTimeOut", "1000")
            .property("transactionCheckInterval", "1000")
            .start();
        admin = ApacheClients.startedAdmin(nameServer.address());
        producer = new TransactionMQProducer("comet_it_tx_group");
        producer.setNamesrvAddr(nameServer.address());
        producer.setInstanceName("comet_it_tx_" + ProcessHandle.current().pid());
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return (LocalTransactionState) arg;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                checkedTransactionIds.put(new String(msg.getBody(), StandardCharsets.UTF_8), msg.getTransactionId());
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.start();
        reader = new ApacheQueueReader(nameServer.address());
    }

    @AfterAll
    void stopAll() {
        for (AutoCloseable closeable : new AutoCloseable[] {
            reader, () -> producer.shutdown(), () -> admin.shutdown(), broker, nameServer}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    @Test
    void commitRollbackAndCheckedBackUnknown() throws Exception {
        String topic = "CometTx_" + System.nanoTime();
        admin.createAndUpdateTopicConfig(broker.address(),
            new org.apache.rocketmq.common.TopicConfig(topic, QUEUES, QUEUES, 6));
        Await.until("route of " + topic, TIMEOUT, () -> admin.examineTopicRouteInfo(topic),
            r -> r != null && !r.getQueueDatas().isEmpty());

        TransactionSendResult committed = send(topic, "tx-commit", LocalTransactionState.COMMIT_MESSAGE);
        TransactionSendResult rolledBack = send(topic, "tx-rollback", LocalTransactionState.ROLLBACK_MESSAGE);
        TransactionSendResult unknown = send(topic, "tx-unknown", LocalTransactionState.UNKNOW);
        assertEquals(LocalTransactionState.COMMIT_MESSAGE, committed.getLocalTransactionState());
        assertEquals(LocalTransactionState.ROLLBACK_MESSAGE, rolledBack.getLocalTransactionState());
        assertEquals(LocalTransactionState.UNKNOW, unknown.getLocalTransactionState());

        List<Stored> visible = reader.awaitTopic(topic, BROKER_NAME, QUEUES, 2, TIMEOUT);
        assertEquals(List.of("tx-commit", "tx-unknown"), visible.stream().map(Stored::body).toList());
        assertEquals(List.of(0L, 1L), visible.stream().map(Stored::queueOffset).toList());
        assertEquals(committed.getMsgId(), visible.get(0).msgId());
        assertEquals(unknown.getMsgId(), visible.get(1).msgId());
        assertEquals(unknown.getMsgId(), checkedTransactionIds.get("tx-unknown"));
        assertTrue(!checkedTransactionIds.containsKey("tx-commit") && !checkedTransactionIds.containsKey("tx-rollback"),
            "only the UNKNOW transaction is checked: " + checkedTransactionIds);

        // well past another check round: the rolled-back message stays invisible
        Thread.sleep(2500);
        assertEquals(2, reader.readTopic(topic, BROKER_NAME, QUEUES).size());
    }

    private TransactionSendResult send(String topic, String body, LocalTransactionState outcome) throws Exception {
        TransactionSendResult result = producer.sendMessageInTransaction(
            new Message(topic, body.getBytes(StandardCharsets.UTF_8)), outcome);
        assertEquals(SendStatus.SEND_OK, result.getSendStatus());
        assertEquals(32, result.getMsgId().length());
        return result;
    }
}
