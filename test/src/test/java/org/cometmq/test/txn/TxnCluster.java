package org.cometmq.test.txn;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.testkit.Await;

/**
 * A CometMQ name server and broker process for the transaction and SQL92 tests, an Apache 4.9.7 admin client,
 * and makers of Apache clients with unique names that are shut down with the cluster.
 */
final class TxnCluster implements AutoCloseable {
    static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final CometNamesrv namesrv;
    final CometBroker broker;
    final DefaultMQAdminExt admin;
    private final List<Runnable> shutdowns = new ArrayList<>();

    private TxnCluster(CometNamesrv namesrv, CometBroker broker, DefaultMQAdminExt admin) {
        this.namesrv = namesrv;
        this.broker = broker;
        this.admin = admin;
    }

    static TxnCluster start(String name, Map<String, String> brokerSettings) throws Exception {
        CometNamesrv namesrv = CometNamesrv.start(name + "-namesrv");
        CometBroker broker = null;
        try {
            CometBroker.Builder builder = CometBroker.builder(name + "-broker").clusterName("TxnItCluster")
                .namesrvAddr(namesrv.address());
            brokerSettings.forEach(builder::property);
            broker = builder.start();
            return new TxnCluster(namesrv, broker, ApacheClients.startedAdmin(namesrv.address()));
        } catch (Exception | Error e) {
            if (broker != null) {
                broker.close();
            }
            namesrv.close();
            throw e;
        }
    }

    static String unique(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 1_000_000;
    }

    String namesrvAddr() {
        return namesrv.address();
    }

    /** Creates a read-write topic with {@code queues} queues and waits until the name server routes it. */
    String createTopic(String prefix, int queues) throws Exception {
        String topic = unique(prefix);
        admin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(topic, queues, queues, 6));
        Await.until("route of " + topic, ROUTE_TIMEOUT, () -> admin.examineTopicRouteInfo(topic),
            r -> r != null && !r.getQueueDatas().isEmpty());
        return topic;
    }

    /** A started transaction producer of {@code group}, its own client instance, shut down with the cluster. */
    TransactionMQProducer transactionProducer(String group, TransactionListener listener) throws Exception {
        TransactionMQProducer producer = new TransactionMQProducer(group);
        producer.setNamesrvAddr(namesrvAddr());
        producer.setVipChannelEnabled(false);
        producer.setInstanceName(unique("txp"));
        producer.setSendMsgTimeout(5_000);
        producer.setTransactionListener(listener);
        producer.start();
        shutdowns.add(producer::shutdown);
        return producer;
    }

    DefaultMQProducer producer(String prefix) throws Exception {
        DefaultMQProducer producer = ApacheClients.startedProducer(unique(prefix), namesrvAddr());
        shutdowns.add(producer::shutdown);
        return producer;
    }

    /** A push consumer (not started) of {@code group} from the first offset, shut down with the cluster. */
    DefaultMQPushConsumer pushConsumer(String group) {
        DefaultMQPushConsumer consumer = ApacheClients.pushConsumer(group, namesrvAddr());
        shutdowns.add(consumer::shutdown);
        return consumer;
    }

    /** Waits until the broker lists {@code count} connections of producer group {@code group}. */
    void awaitProducerConnections(String group, String topic, int count) {
        Await.until(count + " connections of producer group " + group, ROUTE_TIMEOUT,
            () -> admin.examineProducerConnectionInfo(group, topic).getConnectionSet().size(), n -> n == count);
    }

    /** Every message of queue 0 of {@code topic} on the broker, read with an Apache pull consumer. */
    List<MessageExt> readQueue(String topic) throws Exception {
        DefaultMQPullConsumer reader = new DefaultMQPullConsumer(unique("txn_reader"));
        reader.setNamesrvAddr(namesrvAddr());
        reader.setVipChannelEnabled(false);
        reader.setInstanceName(unique("txn_reader"));
        reader.start();
        try {
            MessageQueue queue = new MessageQueue(topic, broker.brokerName(), 0);
            List<MessageExt> messages = new ArrayList<>();
            long offset = 0;
            for (int round = 0; round < 100; round++) {
                PullResult result = reader.pull(queue, "*", offset, 32);
                if (result.getPullStatus() != PullStatus.FOUND) {
                    break;
                }
                messages.addAll(result.getMsgFoundList());
                offset = result.getNextBeginOffset();
            }
            return messages;
        } finally {
            reader.shutdown();
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        for (Runnable shutdown : shutdowns) {
            try {
                shutdown.run();
            } catch (RuntimeException e) {
                // a client its test already shut down
            }
        }
        try {
            admin.shutdown();
        } finally {
            try {
                broker.close();
            } finally {
                namesrv.close();
            }
        }
    }
}
