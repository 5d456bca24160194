package org.cometmq.test.fidelity;

import static org.cometmq.test.fidelity.StoreFidelityFixture.TIMEOUT;
import static org.cometmq.test.fidelity.StoreFidelityFixture.comparableProperties;
import static org.cometmq.test.fidelity.StoreFidelityFixture.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.cometmq.test.client.ClientCluster;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Store and broker answers that Apache 4.9.7's clients can observe, checked the same way against an Apache 4.9.7
 * cluster and a CometMQ cluster (one subclass each): the properties a delayed, retried or dead-lettered message is
 * stored with, the offset found by time, and what the broker answers at the edges of a queue.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreFidelityScenario {
    /** Every delay level one second, so a retry (level 3) comes back within seconds. */
    static final String DELAY_LEVELS = "1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s";
    /** Broker settings both clusters start with. */
    static final Map<String, String> BROKER_SETTINGS = Map.of("messageDelayLevel", DELAY_LEVELS,
        "enablePropertyFilter", "true", "sendMessageThreadPoolNums", "1");

    /** Rounds of the lite-pull check: its difference showed only now and then, under CPU contention. */
    private static final int LITE_PULL_ROUNDS = Integer.getInteger("fidelity.litepull.rounds", 4);

    private ClientCluster cluster;
    private StoreFidelityFixture fixture;

    /** The servers under test, started once for the class with {@link #BROKER_SETTINGS}. */
    protected abstract ClientCluster startCluster();

    @BeforeAll
    void start() throws Exception {
        cluster = startCluster();
        fixture = new StoreFidelityFixture(cluster);
    }

    @AfterAll
    void stop() {
        try {
            if (fixture != null) {
                fixture.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    StoreFidelityFixture fixture() {
        return fixture;
    }

    @Test
    void deliveredDelayedMessageKeepsDelayAndRealQueueProperties() throws Exception {
        String topic = fixture.createTopic("FidDelay", 2);
        Message msg = message(topic, "TagD", "key-d", "delayed");
        msg.putUserProperty("color", "blue");
        msg.setDelayTimeLevel(2);
        fixture.sendToQueue(msg, 1);

        MessageExt delivered = fixture.awaitQueue(fixture.queue(topic, 1), 1).get(0);
        Map<String, String> expected = new TreeMap<>(Map.of("DELAY", "2", "REAL_TOPIC", topic, "REAL_QID", "1",
            "WAIT", "true", "TAGS", "TagD", "KEYS", "key-d", "color", "blue", "UNIQ_KEY", "*",
            "MIN_OFFSET", "0", "MAX_OFFSET", "1"));
        expected.put("CLUSTER", ClientCluster.CLUSTER_NAME);
        assertEquals(expected, comparableProperties(delivered));
        assertEquals(0, delivered.getReconsumeTimes());
    }

    @Test
    void retriedAndDeadLetteredMessagesKeepTheProperties49Stores() throws Exception {
        String topic = fixture.createTopic("FidRetry", 1);
        String retryGroup = StoreFidelityFixture.unique("fid_retry");
        String deadGroup = StoreFidelityFixture.unique("fid_dead");
        DefaultMQPushConsumer retrying = failingConsumer(retryGroup, topic, 0);
        DefaultMQPushConsumer deadLettering = failingConsumer(deadGroup, topic, -1);
        try {
            Message msg = message(topic, "TagR", "key-r", "retried");
            msg.putUserProperty("color", "red");
            fixture.sendToQueue(msg, 0);

            MessageExt retried = fixture.awaitQueue(fixture.queue(MixAll.getRetryTopic(retryGroup), 0), 1).get(0);
            Map<String, String> expectedRetry = new TreeMap<>(Map.of("DELAY", "3", "REAL_TOPIC",
                MixAll.getRetryTopic(retryGroup), "REAL_QID", "0", "RETRY_TOPIC", topic, "ORIGIN_MESSAGE_ID", "*",
                "WAIT", "false", "TAGS", "TagR", "KEYS", "key-r", "color", "red"));
            expectedRetry.putAll(Map.of("UNIQ_KEY", "*", "MIN_OFFSET", "0", "MAX_OFFSET", "1",
                "CLUSTER", ClientCluster.CLUSTER_NAME));
            assertEquals(expectedRetry, comparableProperties(retried));
            assertEquals(1, retried.getReconsumeTimes());

            MessageExt dead = fixture.awaitQueue(fixture.queue(MixAll.getDLQTopic(deadGroup), 0), 1).get(0);
            Map<String, String> expectedDead = new TreeMap<>(Map.of("DELAY", "0", "RETRY_TOPIC", topic,
                "ORIGIN_MESSAGE_ID", "*", "WAIT", "false", "TAGS", "TagR", "KEYS", "key-r", "color", "red",
                "UNIQ_KEY", "*", "MIN_OFFSET", "0", "MAX_OFFSET", "1"));
            expectedDead.put("CLUSTER", ClientCluster.CLUSTER_NAME);
            assertEquals(expectedDead, comparableProperties(dead));
            assertEquals(1, dead.getReconsumeTimes());
        } finally {
            retrying.shutdown();
            deadLettering.shutdown();
        }
    }

    /** A push consumer that fails each message's first delivery with {@code delayLevel} (-1: straight to DLQ). */
    private DefaultMQPushConsumer failingConsumer(String group, String topic, int delayLevel) throws Exception {
        DefaultMQPushConsumer consumer = ApacheClients.pushConsumer(group, cluster.namesrvAddr());
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            if (msgs.get(0).getReconsumeTimes() == 0) {
                context.setDelayLevelWhenNextConsume(delayLevel);
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    @Test
    void searchOffsetAnswersTheNearestEntryAndTheLastOneAfterTheEnd() throws Exception {
        String topic = fixture.createTopic("FidSearch", 2);
        MessageQueue mq = fixture.queue(topic, 0);
        long[] pauses = {20, 1200, 60, 60, 0};
        for (int i = 0; i < pauses.length; i++) {
            fixture.sendToQueue(message(topic, "TagS", "key-s" + i, "search-" + i), 0);
            Thread.sleep(pauses[i]);
        }
        List<MessageExt> stored = fixture.awaitQueue(mq, 5);
        long[] times = stored.stream().mapToLong(MessageExt::getStoreTimestamp).toArray();
        assertTrue(times[2] - times[1] >= 1000, "a second between the second and third message");

        assertEquals(1, fixture.admin().searchOffset(mq, times[1] + 200), "nearer to the second message");
        assertEquals(2, fixture.admin().searchOffset(mq, times[2] - 200), "nearer to the third message");
        assertEquals(3, fixture.admin().searchOffset(mq, times[3]), "an exact store time");
        assertEquals(0, fixture.admin().searchOffset(mq, times[0] - 60_000), "before the first message");
        assertEquals(4, fixture.admin().searchOffset(mq, System.currentTimeMillis() + 60_000),
            "after the last message: its offset, not the max offset");
        assertEquals(0, fixture.admin().searchOffset(fixture.queue(topic, 1), System.currentTimeMillis()),
            "an empty queue");
    }

    @Test
    void queueEdgesAnswerAs49Does() throws Exception {
        String topic = fixture.createTopic("FidEdge", 1);
        MessageQueue mq = fixture.queue(topic, 0);
        for (int i = 0; i < 3; i++) {
            fixture.sendToQueue(message(topic, "TagE", "key-e" + i, "edge-" + i), 0);
        }
        fixture.awaitQueue(mq, 3);
        MessageQueue unknown = fixture.queue("FidNoSuchTopic_" + System.nanoTime(), 0);
        String answers = String.join("\n",
            "pull 3: " + QueueEdges.pull(fixture, mq, 3),
            "pull 9: " + QueueEdges.pull(fixture, mq, 9),
            "raw pull 3: " + QueueEdges.rawPull(fixture, mq, 3),
            "raw pull 9: " + QueueEdges.rawPull(fixture, mq, 9),
            "raw pull -4: " + QueueEdges.rawPull(fixture, mq, -4),
            "min/max/search: " + QueueEdges.minMaxSearch(fixture, mq),
            "unknown topic min/max/search: " + QueueEdges.minMaxSearch(fixture, unknown),
            "offset of a new group: " + QueueEdges.queryConsumerOffset(fixture,
                StoreFidelityFixture.unique("fid_n"), mq),
            "offset on an unknown topic: " + QueueEdges.queryConsumerOffset(fixture,
                StoreFidelityFixture.unique("fid_n"), unknown));
        assertEquals(String.join("\n",
            "pull 3: Pull[status=NO_NEW_MSG, nextBeginOffset=3, minOffset=0, maxOffset=3]",
            "pull 9: Pull[status=OFFSET_ILLEGAL, nextBeginOffset=3, minOffset=0, maxOffset=3]",
            "raw pull 3: 19 OFFSET_OVERFLOW_ONE next=3 min=0 max=3 suggest=0",
            "raw pull 9: 21 OFFSET_OVERFLOW_BADLY next=3 min=0 max=3 suggest=0",
            "raw pull -4: 21 OFFSET_TOO_SMALL next=0 min=0 max=3 suggest=0",
            "min/max/search: 0/3/2",
            "unknown topic min/max/search: 0/0/0",
            "offset of a new group: SUCCESS 0",
            "offset on an unknown topic: SUCCESS 0"), answers);
    }

    @Test
    void liteAssignAndSeekDeliversNoMoreThanTheBrokerAnsweredOnABusyMachine() throws Exception {
        LitePullSeekCheck check = new LitePullSeekCheck(fixture);
        String topic = check.prepareTopic();
        try (CpuLoad load = CpuLoad.start(3, Duration.ofSeconds(90))) {
            for (int round = 0; round < LITE_PULL_ROUNDS; round++) {
                check.runRound(topic);
            }
        }
    }

    @Test
    void sendsWaitingTooLongInTheSendQueueAreAnsweredSystemBusy() throws Exception {
        new SendQueueBusyCheck(fixture).run();
    }

    @Test
    void sql92HeldPullIsWokenOnlyByMessagesItsFilterTakes() throws Exception {
        new Sql92WakeupCheck(fixture).run();
    }

    static void awaitTrue(String what, java.util.concurrent.Callable<Boolean> condition) {
        Await.untilTrue(what, TIMEOUT, condition);
    }
}
