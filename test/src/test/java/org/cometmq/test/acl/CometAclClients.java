package org.cometmq.test.acl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.cometmq.acl.common.AclClientRPCHook;
import org.cometmq.acl.common.SessionCredentials;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageExt;
import org.cometmq.remoting.RPCHook;
import org.cometmq.testkit.Await;

/** CometMQ's own producer and push consumer signing with CometMQ's {@link AclClientRPCHook}. */
final class CometAclClients {

    private CometAclClients() {
    }

    static RPCHook hook(String accessKey, String secretKey) {
        return new AclClientRPCHook(new SessionCredentials(accessKey, secretKey));
    }

    static DefaultMQProducer startedProducer(String namesrvAddr, RPCHook rpcHook) throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer("CometAclProducer" + System.nanoTime(), rpcHook);
        producer.setNamesrvAddr(namesrvAddr);
        producer.setVipChannelEnabled(false);
        producer.setInstanceName("comet_acl_" + System.nanoTime());
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        return producer;
    }

    static void send(DefaultMQProducer producer, String topic, List<String> bodies) throws Exception {
        for (String body : bodies) {
            SendStatus status = producer.send(new Message(topic, "TagA", body.getBytes(StandardCharsets.UTF_8)))
                .getSendStatus();
            if (status != SendStatus.SEND_OK) {
                throw new AssertionError("send of " + body + " returned " + status);
            }
        }
    }

    /** The response code a send of {@code rpcHook}'s producer fails with. */
    static int refusedSendCode(String namesrvAddr, String topic, RPCHook rpcHook) throws Exception {
        DefaultMQProducer producer = startedProducer(namesrvAddr, rpcHook);
        try {
            producer.send(new Message(topic, "TagA", "refused".getBytes(StandardCharsets.UTF_8)));
            throw new AssertionError("the send was accepted");
        } catch (MQBrokerException e) {
            return e.getResponseCode();
        } catch (MQClientException e) {
            return e.getCause() instanceof MQBrokerException ? ((MQBrokerException) e.getCause()).getResponseCode()
                : e.getResponseCode();
        } finally {
            producer.shutdown();
        }
    }

    /** Distinct bodies a signed push consumer of {@code group} received, waiting for {@code expected} of them. */
    static Map<String, Integer> consume(String namesrvAddr, String group, String topic, RPCHook rpcHook, int expected,
                                        Duration timeout) throws Exception {
        Map<String, Integer> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, rpcHook);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName("comet_acl_" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (MessageExt message : messages) {
                received.merge(new String(message.getBody(), StandardCharsets.UTF_8), 1, Integer::sum);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            Await.until(expected + " messages on " + topic, timeout, received::size, n -> n >= expected);
        } finally {
            consumer.shutdown();
        }
        return new TreeMap<>(received);
    }
}
