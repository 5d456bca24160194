package org.cometmq.broker.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.header.CreateTopicRequestHeader;
import org.cometmq.common.protocol.header.PullMessageResponseHeader;
import org.cometmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.cometmq.common.protocol.header.QueryConsumerOffsetResponseHeader;
import org.cometmq.common.protocol.header.SendMessageResponseHeader;
import org.cometmq.common.sysflag.PullSysFlag;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Raw protocol requests against a broker running in this JVM: send, pull, long polling, bad input, admin. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerRequestsTest {
    private static final int SUB_FLAG = PullSysFlag.buildSysFlag(false, false, true, false);

    @TempDir
    static Path dir;
    private InProcessBroker broker;

    @BeforeAll
    void start() throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("maxMessageSize", "1024");
        broker = new InProcessBroker(dir, overrides);
    }

    @AfterAll
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Sends return once the commit log has the message; consume queues follow asynchronously. */
    private void awaitDispatched(String topic, int queueId, long maxOffset) throws InterruptedException {
        Await.holdsWithin(Duration.ofSeconds(10), Duration.ofMillis(5),
            () -> broker.controller.getMessageStore().getMaxOffsetInQueue(topic, queueId) >= maxOffset);
        assertEquals(maxOffset, broker.controller.getMessageStore().getMaxOffsetInQueue(topic, queueId));
    }

    private static Map<String, String> props(String tags) {
        Map<String, String> props = new HashMap<>();
        props.put(MessageConst.PROPERTY_TAGS, tags);
        props.put(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, "true");
        props.put(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "UNIQ" + tags);
        return props;
    }

    @Test
    void sendThenPullReturnsExactMessagesAndOffsets() throws Exception {
        for (int i = 0; i < 3; i++) {
            RemotingCommand response = broker.send("SendPull", 0, "body-" + i, props("A"));
            assertEquals(ResponseCode.SUCCESS, response.getCode(), response.getRemark());
            SendMessageResponseHeader header = response.decodeCommandCustomHeader(SendMessageResponseHeader.class);
            assertEquals(0, header.getQueueId());
            assertEquals(i, header.getQueueOffset());
            assertEquals(32, header.getMsgId().length());
            assertEquals("DefaultRegion", response.getExtFields().get("MSG_REGION"));
            assertEquals("true", response.getExtFields().get("TRACE_ON"));
        }
        awaitDispatched("SendPull", 0, 3);
        RemotingCommand pulled = broker.pull(InProcessBroker.pullHeader("g1", "SendPull", 0, 0, SUB_FLAG, 0, "*"));
        assertEquals(ResponseCode.SUCCESS, pulled.getCode(), pulled.getRemark());
        PullMessageResponseHeader header = pulled.decodeCommandCustomHeader(PullMessageResponseHeader.class);
        assertEquals(3, header.getNextBeginOffset());
        assertEquals(0, header.getMinOffset());
        assertEquals(3, header.getMaxOffset());
        assertEquals(0, header.getSuggestWhichBrokerId());
        List<MessageExt> messages = InProcessBroker.decode(pulled);
        assertEquals(3, messages.size());
        for (int i = 0; i < 3; i++) {
            MessageExt msg = messages.get(i);
            assertEquals("body-" + i, new String(msg.getBody(), StandardCharsets.UTF_8));
            assertEquals(i, msg.getQueueOffset());
            assertEquals("SendPull", msg.getTopic());
            assertEquals("DefaultCluster", msg.getProperty(MessageConst.PROPERTY_CLUSTER));
            assertNull(msg.getProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK), "WAIT is stripped before storing");
        }
    }

    @Test
    void pullAtAndPastTheEnd() throws Exception {
        broker.send("PastEnd", 1, "only", props("A"));
        awaitDispatched("PastEnd", 1, 1);
        long movedEventsBefore = broker.controller.getMessageStore().getMaxOffsetInQueue("OFFSET_MOVED_EVENT", 0);
        RemotingCommand atEnd = broker.pull(InProcessBroker.pullHeader("g2", "PastEnd", 1, 1, SUB_FLAG, 0, "*"));
        assertEquals(ResponseCode.PULL_NOT_FOUND, atEnd.getCode());
        assertEquals(1, atEnd.decodeCommandCustomHeader(PullMessageResponseHeader.class).getNextBeginOffset());
        RemotingCommand past = broker.pull(InProcessBroker.pullHeader("g2", "PastEnd", 1, 10, SUB_FLAG, 0, "*"));
        assertEquals(ResponseCode.PULL_OFFSET_MOVED, past.getCode());
        // as the 4.9.7 store does: past the end of a queue the consumer is sent back to its max offset
        assertEquals(1, past.decodeCommandCustomHeader(PullMessageResponseHeader.class).getNextBeginOffset());
        awaitDispatched("OFFSET_MOVED_EVENT", 0, movedEventsBefore + 1);
        RemotingCommand events = broker.pull(InProcessBroker.pullHeader("g2", "OFFSET_MOVED_EVENT", 0,
            movedEventsBefore, SUB_FLAG, 0, "g2"));
        String event = new String(InProcessBroker.decode(events).get(0).getBody(), StandardCharsets.UTF_8);
        assertEquals("{\"consumerGroup\":\"g2\",\"messageQueue\":{\"brokerName\":\"broker-it\",\"queueId\":1,"
            + "\"topic\":\"PastEnd\"},\"offsetNew\":1,\"offsetRequest\":10}", event);
        RemotingCommand emptyQueue = broker.pull(InProcessBroker.pullHeader("g2", "PastEnd", 2, 5, SUB_FLAG, 0, "*"));
        assertEquals(ResponseCode.PULL_OFFSET_MOVED, emptyQueue.getCode());
        RemotingCommand badQueue = broker.pull(InProcessBroker.pullHeader("g2", "PastEnd", 7, 0, SUB_FLAG, 0, "*"));
        assertEquals(ResponseCode.SYSTEM_ERROR, badQueue.getCode());
        assertTrue(badQueue.getRemark().contains("queueId[7] is illegal"), badQueue.getRemark());
    }

    @Test
    void tagFilterSkipsOtherTags() throws Exception {
        broker.send("Tagged", 0, "a", props("TagA"));
        broker.send("Tagged", 0, "b", props("TagB"));
        broker.send("Tagged", 0, "c", props("TagA"));
        awaitDispatched("Tagged", 0, 3);
        RemotingCommand pulled = broker.pull(InProcessBroker.pullHeader("g3", "Tagged", 0, 0, SUB_FLAG, 0, "TagA"));
        assertEquals(ResponseCode.SUCCESS, pulled.getCode());
        List<MessageExt> messages = InProcessBroker.decode(pulled);
        assertEquals(List.of("a", "c"), messages.stream().map(m -> new String(m.getBody(), StandardCharsets.UTF_8)).toList());
        assertEquals(3, pulled.decodeCommandCustomHeader(PullMessageResponseHeader.class).getNextBeginOffset());
    }

    @Test
    void heldPullIsAnsweredWhenAMessageArrives() throws Exception {
        broker.send("LongPoll", 0, "first", props("A"));
        awaitDispatched("LongPoll", 0, 1);
        int flags = PullSysFlag.buildSysFlag(false, true, true, false);
        CompletableFuture<RemotingCommand> held = CompletableFuture.supplyAsync(() -> {
            try {
                return broker.pull(InProcessBroker.pullHeader("g4", "LongPoll", 0, 1, flags, 20_000, "*"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Await.holdsWithin(Duration.ofSeconds(10), Duration.ofMillis(20),
            () -> broker.controller.getMessageStore() == null || held.isDone() || heldCount() != 0);
        assertFalse(held.isDone(), "the pull must be held while the queue has nothing new");
        broker.send("LongPoll", 0, "second", props("A"));
        RemotingCommand response = held.get(15, TimeUnit.SECONDS);
        assertEquals(ResponseCode.SUCCESS, response.getCode(), response.getRemark());
        List<MessageExt> messages = InProcessBroker.decode(response);
        assertEquals(1, messages.size());
        assertEquals("second", new String(messages.get(0).getBody(), StandardCharsets.UTF_8));
    }

    private int heldCount() {
        try {
            java.lang.reflect.Field field = broker.controller.getClass().getDeclaredField("pullRequestHoldService");
            field.setAccessible(true);
            return ((org.cometmq.broker.longpolling.PullRequestHoldService) field.get(broker.controller)).heldCount();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badSendsGetClearCodesAndTheBrokerStaysUp() throws Exception {
        RemotingCommand illegal = broker.send("bad topic!", 0, "x", props("A"));
        assertEquals(ResponseCode.SYSTEM_ERROR, illegal.getCode());
        assertTrue(illegal.getRemark().contains("illegal characters"), illegal.getRemark());
        RemotingCommand tooLong = broker.send("T".repeat(128), 0, "x", props("A"));
        assertEquals(ResponseCode.SYSTEM_ERROR, tooLong.getCode());
        RemotingCommand oversize = broker.send("Sizes", 0, "x".repeat(1025), props("A"));
        assertEquals(ResponseCode.MESSAGE_ILLEGAL, oversize.getCode());
        assertTrue(oversize.getRemark().contains("msg body length limit 1024B"), oversize.getRemark());
        RemotingCommand badQueue = broker.send("Sizes", 99, "x", props("A"));
        assertEquals(ResponseCode.SYSTEM_ERROR, badQueue.getCode());
        assertTrue(badQueue.getRemark().contains("queueId[99] is illegal"), badQueue.getRemark());
        RemotingCommand forbidden = broker.send("SCHEDULE_TOPIC_XXXX", 0, "x", props("A"));
        assertEquals(ResponseCode.NO_PERMISSION, forbidden.getCode());
        RemotingCommand unknown = broker.call(9999, null, null);
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, unknown.getCode());
        assertEquals(" request type 9999 not supported", unknown.getRemark());
        assertEquals(ResponseCode.SUCCESS, broker.send("Sizes", 0, "x".repeat(1024), props("A")).getCode());
    }

    /** 4.9.7 checks no topic permission on send: a producer holding a route from before perm 4 is served. */
    @Test
    void readOnlyTopicStillAcceptsSends() throws Exception {
        assertEquals(ResponseCode.SUCCESS, createTopic("ReadOnly", 4, false).getCode());
        RemotingCommand accepted = broker.send("ReadOnly", 0, "x", props("A"));
        assertEquals(ResponseCode.SUCCESS, accepted.getCode(), accepted.getRemark());
    }

    private RemotingCommand createTopic(String topic, int perm, boolean order) throws Exception {
        CreateTopicRequestHeader create = new CreateTopicRequestHeader();
        create.setTopic(topic);
        create.setDefaultTopic("TBW102");
        create.setReadQueueNums(2);
        create.setWriteQueueNums(2);
        create.setPerm(perm);
        create.setTopicFilterType("SINGLE_TAG");
        create.setOrder(order);
        return broker.call(RequestCode.UPDATE_AND_CREATE_TOPIC, create, null);
    }

    @Test
    void newQueueOffsetQueryAnswersZero() throws Exception {
        broker.send("Fresh", 0, "x", props("A"));
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setConsumerGroup("fresh-group");
        header.setTopic("Fresh");
        header.setQueueId(0);
        RemotingCommand response = broker.call(RequestCode.QUERY_CONSUMER_OFFSET, header, null);
        assertEquals(ResponseCode.SUCCESS, response.getCode(), response.getRemark());
        assertEquals(0, response.decodeCommandCustomHeader(QueryConsumerOffsetResponseHeader.class).getOffset());
    }

    @Test
    void brokerConfigCanBeReadAndChangedAtRuntime() throws Exception {
        RemotingCommand config = broker.call(RequestCode.GET_BROKER_CONFIG, null, null);
        assertEquals(ResponseCode.SUCCESS, config.getCode());
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(new String(config.getBody(), StandardCharsets.UTF_8)));
        assertEquals("broker-it", properties.getProperty("brokerName"));
        assertEquals("1024", properties.getProperty("maxMessageSize"));
        assertNotNull(config.getExtFields().get("version"));

        RemotingCommand blackListed = broker.call(RequestCode.UPDATE_BROKER_CONFIG, null,
            "storePathRootDir=/elsewhere\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(ResponseCode.NO_PERMISSION, blackListed.getCode());
        RemotingCommand badValue = broker.call(RequestCode.UPDATE_BROKER_CONFIG, null,
            "brokerPermission=rw\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(ResponseCode.SYSTEM_ERROR, badValue.getCode());
        assertEquals(ResponseCode.SUCCESS, createTopic("WipedOrder", 6, true).getCode());
        try {
            assertEquals(ResponseCode.SUCCESS, broker.call(RequestCode.UPDATE_BROKER_CONFIG, null,
                "brokerPermission=4\n".getBytes(StandardCharsets.UTF_8)).getCode());
            // 4.9.7 refuses only sends to order topics on a broker that is not writable
            RemotingCommand accepted = broker.send("WipedBroker", 0, "x", props("A"));
            assertEquals(ResponseCode.SUCCESS, accepted.getCode(), accepted.getRemark());
            RemotingCommand refused = broker.send("WipedOrder", 0, "x", props("A"));
            assertEquals(ResponseCode.NO_PERMISSION, refused.getCode());
            assertEquals("the broker[" + broker.controller.getBrokerConfig().getBrokerIP1()
                + "] sending message is forbidden", refused.getRemark());
        } finally {
            broker.call(RequestCode.UPDATE_BROKER_CONFIG, null, "brokerPermission=6\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(ResponseCode.SUCCESS, broker.send("WipedBroker", 0, "x", props("A")).getCode());
    }

    @Test
    void sendBackGoesToTheScheduleTopicOrStraightToTheReadOnlyDlq() throws Exception {
        RemotingCommand sent = broker.send("Back", 0, "failed-once", props("A"));
        String offsetMsgId = sent.decodeCommandCustomHeader(SendMessageResponseHeader.class).getMsgId();
        long commitLogOffset = org.cometmq.common.message.MessageDecoder.decodeMessageId(offsetMsgId).getOffset();
        long scheduled = broker.controller.getMessageStore().getMaxOffsetInQueue("SCHEDULE_TOPIC_XXXX", 2);

        assertEquals(ResponseCode.SUCCESS, sendBack(commitLogOffset, 0).getCode());
        assertEquals(6, broker.controller.getTopicConfigManager().selectTopicConfig("%RETRY%bg").getPerm());
        awaitDispatched("SCHEDULE_TOPIC_XXXX", 2, scheduled + 1);

        assertEquals(ResponseCode.SUCCESS, sendBack(commitLogOffset, -1).getCode());
        org.cometmq.common.TopicConfig dlq = broker.controller.getTopicConfigManager().selectTopicConfig("%DLQ%bg");
        assertEquals(4, dlq.getPerm(), "dead-letter topics are read-only");
        assertEquals(1, dlq.getWriteQueueNums());
        awaitDispatched("%DLQ%bg", 0, 1);
        RemotingCommand pulled = broker.pull(InProcessBroker.pullHeader("dlq-reader", "%DLQ%bg", 0, 0, SUB_FLAG, 0, "*"));
        MessageExt dead = InProcessBroker.decode(pulled).get(0);
        assertEquals("failed-once", new String(dead.getBody(), StandardCharsets.UTF_8));
        assertEquals("Back", dead.getProperty(MessageConst.PROPERTY_RETRY_TOPIC));
        assertEquals(1, dead.getReconsumeTimes());
        assertEquals(offsetMsgId, dead.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID));
    }

    private RemotingCommand sendBack(long commitLogOffset, int delayLevel) throws Exception {
        org.cometmq.common.protocol.header.ConsumerSendMsgBackRequestHeader header =
            new org.cometmq.common.protocol.header.ConsumerSendMsgBackRequestHeader();
        header.setOffset(commitLogOffset);
        header.setGroup("bg");
        header.setDelayLevel(delayLevel);
        header.setMaxReconsumeTimes(16);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.CONSUMER_SEND_MSG_BACK, header);
        request.setVersion(org.cometmq.common.MQVersion.CURRENT_VERSION);
        return broker.client.invokeSync(broker.addr, request, 10_000);
    }

    @Test
    void runtimeInfoHasNumericKeys() throws Exception {
        RemotingCommand response = broker.call(RequestCode.GET_BROKER_RUNTIME_INFO, null, null);
        assertEquals(ResponseCode.SUCCESS, response.getCode());
        KVTable table = RemotingSerializable.decode(response.getBody(), KVTable.class);
        for (String key : List.of("msgPutTotalYesterdayMorning", "msgPutTotalTodayMorning", "msgPutTotalTodayNow",
            "msgGetTotalYesterdayMorning", "msgGetTotalTodayMorning", "msgGetTotalTodayNow", "sendThreadPoolQueueSize",
            "pullThreadPoolQueueSize", "pageCacheLockTimeMills", "sendThreadPoolQueueHeadWaitTimeMills",
            "pullThreadPoolQueueHeadWaitTimeMills", "earliestMessageTimeStamp")) {
            assertNotNull(table.getTable().get(key), key);
            Long.parseLong(table.getTable().get(key));
        }
        for (String key : List.of("putTps", "getTransferedTps", "commitLogDiskRatio")) {
            Double.parseDouble(table.getTable().get(key).split(" ")[0]);
        }
        assertEquals("V4_9_7", table.getTable().get("brokerVersionDesc"));
    }
}
