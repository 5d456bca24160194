package org.cometmq.test.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.exception.RequestTimeoutException;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.RequestCallback;
import org.cometmq.client.utils.MessageUtil;
import org.cometmq.common.MixAll;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.test.client.ClientCluster;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Request-reply across client implementations, through one broker (subclasses choose Apache 4.9.7's or
 * CometMQ's): an Apache requester answered by a CometMQ replier, and a CometMQ requester (every request form)
 * answered by an Apache replier. Also: the broker stores each reply in {@code <cluster>_REPLY_TOPIC}, and a
 * request nobody answers times out the same way with either client.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RequestReplyScenario {
    private static final int QUEUES = 2;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * A fresh consumer may pull with a subscription version its broker has not seen yet (its heartbeat lost the
     * lock race) and is then refused until its next heartbeat, up to 30 s later: the warm-up waits that out.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(75);
    private static final long REQUEST_TIMEOUT_MILLIS = 10_000;

    private ClientCluster cluster;
    private DefaultMQAdminExt admin;
    private org.apache.rocketmq.client.producer.DefaultMQProducer apacheRequester;
    private org.apache.rocketmq.client.producer.DefaultMQProducer apacheReplySender;
    private DefaultMQProducer cometRequester;
    private DefaultMQProducer cometReplySender;
    private final List<Runnable> shutdowns = new ArrayList<>();
    /** Bodies of plain (non-request) messages the repliers consumed: proof that they are consuming. */
    private final Set<String> warmUpsSeen = ConcurrentHashMap.newKeySet();
    private String apacheAsksTopic;
    private String cometAsksTopic;

    /** The servers under test, started once for the class. */
    protected abstract ClientCluster startCluster();

    @BeforeAll
    void startServersAndClients() throws Exception {
        cluster = startCluster();
        admin = ApacheClients.startedAdmin(cluster.namesrvAddr());
        shutdowns.add(admin::shutdown);
        apacheRequester = ApacheClients.startedProducer("apache_requester", cluster.namesrvAddr());
        shutdowns.add(apacheRequester::shutdown);
        apacheReplySender = ApacheClients.startedProducer("apache_replier", cluster.namesrvAddr());
        shutdowns.add(apacheReplySender::shutdown);
        cometRequester = cometProducer("comet_requester");
        cometReplySender = cometProducer("comet_replier");
        apacheAsksTopic = createTopic("ApacheAsks");
        startCometReplier(apacheAsksTopic);
        cometAsksTopic = createTopic("CometAsks");
        startApacheReplier(cometAsksTopic);
        warmUp(apacheAsksTopic);
        warmUp(cometAsksTopic);
    }

    /** Sends a plain message to every queue of the topic and waits until the replier has consumed them all. */
    private void warmUp(String topic) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int queue = 0; queue < QUEUES; queue++) {
            String body = "warm-up-" + topic + "-" + queue;
            bodies.add(body);
            apacheRequester.send(new org.apache.rocketmq.common.message.Message(topic, utf8(body)),
                new org.apache.rocketmq.common.message.MessageQueue(topic, cluster.brokerName(), queue));
        }
        Await.untilTrue("replier of " + topic + " consuming", WARM_UP, () -> warmUpsSeen.containsAll(bodies));
    }

    @AfterAll
    void stopAll() {
        for (int i = shutdowns.size() - 1; i >= 0; i--) {
            try {
                shutdowns.get(i).run();
            } catch (RuntimeException e) {
                // keep closing the rest; the harness kills left-over processes at JVM exit
            }
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void apacheRequesterIsAnsweredByCometReplier() throws Exception {
        String topic = apacheAsksTopic;
        long storedBefore = replyTopicMaxOffset();

        for (int i = 0; i < 3; i++) {
            org.apache.rocketmq.common.message.Message request =
                new org.apache.rocketmq.common.message.Message(topic, utf8("apache-" + i));
            org.apache.rocketmq.common.message.Message reply = apacheRequester.request(request, REQUEST_TIMEOUT_MILLIS);
            assertEquals("re:apache-" + i, text(reply.getBody()));
            assertEquals(request.getProperty(MessageConst.PROPERTY_CORRELATION_ID),
                reply.getProperty(MessageConst.PROPERTY_CORRELATION_ID));
        }
        // bodies over 4 KiB travel compressed both ways (request and reply)
        String large = "L".repeat(10_000);
        assertEquals("re:" + large, text(apacheRequester.request(
            new org.apache.rocketmq.common.message.Message(topic, utf8(large)), REQUEST_TIMEOUT_MILLIS).getBody()));
        CompletableFuture<String> async = new CompletableFuture<>();
        apacheRequester.request(new org.apache.rocketmq.common.message.Message(topic, utf8("apache-async")),
            new org.apache.rocketmq.client.producer.RequestCallback() {
                @Override
                public void onSuccess(org.apache.rocketmq.common.message.Message message) {
                    async.complete(text(message.getBody()));
                }

                @Override
                public void onException(Throwable e) {
                    async.completeExceptionally(e);
                }
            }, REQUEST_TIMEOUT_MILLIS);
        assertEquals("re:apache-async", async.get(REQUEST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));

        // storeReplyMessageEnable defaults to true: every reply is also stored in the cluster's reply topic
        Await.until("5 replies stored in " + replyTopic(), TIMEOUT, this::replyTopicMaxOffset,
            max -> max == storedBefore + 5);
    }

    @Test
    void cometRequesterIsAnsweredByApacheReplierInEveryForm() throws Exception {
        String topic = cometAsksTopic;

        Message request = new Message(topic, utf8("comet-sync"));
        Message reply = cometRequester.request(request, REQUEST_TIMEOUT_MILLIS);
        assertEquals("re:comet-sync", text(reply.getBody()));
        assertEquals(request.getProperty(MessageConst.PROPERTY_CORRELATION_ID),
            reply.getProperty(MessageConst.PROPERTY_CORRELATION_ID));
        assertEquals(replyTopic(), reply.getTopic());
        assertNotNull(reply.getProperty(MessageConst.PROPERTY_REPLY_MESSAGE_ARRIVE_TIME));

        String large = "L".repeat(10_000);
        assertEquals("re:" + large, text(cometRequester.request(new Message(topic, utf8(large)),
            REQUEST_TIMEOUT_MILLIS).getBody()));

        MessageQueue queue1 = new MessageQueue(topic, cluster.brokerName(), 1);
        assertEquals("re:comet-queue", text(cometRequester.request(new Message(topic, utf8("comet-queue")), queue1,
            REQUEST_TIMEOUT_MILLIS).getBody()));
        assertEquals("re:comet-selector", text(cometRequester.request(new Message(topic, utf8("comet-selector")),
            (mqs, msg, arg) -> mqs.get(0), null, REQUEST_TIMEOUT_MILLIS).getBody()));

        CompletableFuture<Message> async = new CompletableFuture<>();
        cometRequester.request(new Message(topic, utf8("comet-async")), callback(async), REQUEST_TIMEOUT_MILLIS);
        assertEquals("re:comet-async", text(async.get(REQUEST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).getBody()));
        CompletableFuture<Message> asyncToQueue = new CompletableFuture<>();
        cometRequester.request(new Message(topic, utf8("comet-async-queue")), queue1, callback(asyncToQueue),
            REQUEST_TIMEOUT_MILLIS);
        assertEquals("re:comet-async-queue",
            text(asyncToQueue.get(REQUEST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).getBody()));
    }

    @Test
    void requestNobodyAnswersTimesOutWithEitherClient() throws Exception {
        String topic = createTopic("NobodyAnswers");

        RequestTimeoutException comet = assertThrows(RequestTimeoutException.class,
            () -> cometRequester.request(new Message(topic, utf8("unanswered")), 1_500));
        org.apache.rocketmq.client.exception.RequestTimeoutException apache = assertThrows(
            org.apache.rocketmq.client.exception.RequestTimeoutException.class,
            () -> apacheRequester.request(new org.apache.rocketmq.common.message.Message(topic, utf8("unanswered")),
                1_500));

        assertEquals(apache.getResponseCode(), comet.getResponseCode());
        assertEquals(apache.getErrorMessage(), comet.getErrorMessage());
    }

    private void startCometReplier(String topic) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("comet_replier_" + topic);
        consumer.setNamesrvAddr(cluster.namesrvAddr());
        consumer.setInstanceName("comet_reply_it_" + ProcessHandle.current().pid());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(
            (org.cometmq.client.consumer.listener.MessageListenerConcurrently) (msgs, context) -> {
                for (org.cometmq.common.message.MessageExt msg : msgs) {
                    if (MessageUtil.getReplyToClient(msg) == null) {
                        warmUpsSeen.add(text(msg.getBody()));
                        continue;
                    }
                    try {
                        Message reply = MessageUtil.createReplyMessage(msg, utf8("re:" + text(msg.getBody())));
                        cometReplySender.send(reply, 5_000);
                    } catch (Exception e) {
                        return org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus.RECONSUME_LATER;
                    }
                }
                return org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        consumer.start();
        shutdowns.add(consumer::shutdown);
    }

    private void startApacheReplier(String topic) throws Exception {
        org.apache.rocketmq.client.consumer.DefaultMQPushConsumer consumer =
            ApacheClients.pushConsumer("apache_replier_" + topic, cluster.namesrvAddr());
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            for (org.apache.rocketmq.common.message.MessageExt msg : msgs) {
                if (org.apache.rocketmq.client.utils.MessageUtil.getReplyToClient(msg) == null) {
                    warmUpsSeen.add(text(msg.getBody()));
                    continue;
                }
                try {
                    org.apache.rocketmq.common.message.Message reply =
                        org.apache.rocketmq.client.utils.MessageUtil.createReplyMessage(msg,
                            utf8("re:" + text(msg.getBody())));
                    apacheReplySender.send(reply, 5_000);
                } catch (Exception e) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        shutdowns.add(consumer::shutdown);
    }

    private DefaultMQProducer cometProducer(String group) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(group);
        producer.setNamesrvAddr(cluster.namesrvAddr());
        producer.setInstanceName(group + "_" + ProcessHandle.current().pid());
        producer.setSendMsgTimeout(5_000);
        producer.start();
        shutdowns.add(producer::shutdown);
        return producer;
    }

    private String createTopic(String prefix) throws Exception {
        String topic = prefix + "_" + System.nanoTime();
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(),
            new org.apache.rocketmq.common.TopicConfig(topic, QUEUES, QUEUES, 6));
        Await.until("route of " + topic, TIMEOUT, () -> admin.examineTopicRouteInfo(topic),
            r -> r != null && !r.getQueueDatas().isEmpty());
        return topic;
    }

    private String replyTopic() {
        return MixAll.getReplyTopic(ClientCluster.CLUSTER_NAME);
    }

    private long replyTopicMaxOffset() throws Exception {
        return admin.maxOffset(new org.apache.rocketmq.common.message.MessageQueue(replyTopic(),
            cluster.brokerName(), 0));
    }

    private static RequestCallback callback(CompletableFuture<Message> outcome) {
        return new RequestCallback() {
            @Override
            public void onSuccess(Message message) {
                outcome.complete(message);
            }

            @Override
            public void onException(Throwable e) {
                outcome.completeExceptionally(e);
            }
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
