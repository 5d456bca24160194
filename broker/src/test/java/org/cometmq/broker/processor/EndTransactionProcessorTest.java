package org.cometmq.broker.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.broker.transaction.TempStore;
import org.cometmq.broker.transaction.TransactionTopics;
import org.cometmq.broker.transaction.TransactionalMessageBridge;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.EndTransactionRequestHeader;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.AppendMessageResult;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** END_TRANSACTION against a real store: what COMMIT, ROLLBACK, NOT_TYPE and mismatched requests leave behind. */
class EndTransactionProcessorTest {
    private static final String TOPIC = "TopicA";

    @TempDir
    Path dir;
    private TempStore store;
    private TransactionalMessageBridge bridge;
    private EndTransactionProcessor processor;
    private final ChannelHandlerContext ctx = mock(ChannelHandlerContext.class);

    @BeforeEach
    void setUp() throws Exception {
        store = TempStore.open(dir.resolve("store"));
        BrokerConfig config = new BrokerConfig();
        bridge = new TransactionalMessageBridge(store.store,
            new TopicConfigManager(config, dir.resolve("topics.json").toString()),
            new ConsumerOffsetManager(dir.resolve("offsets.json").toString()), () -> TempStore.STORE_HOST,
            new ManualClock(5_000));
        MessageStoreConfig storeConfig = new MessageStoreConfig();
        storeConfig.setBrokerRole(BrokerRole.ASYNC_MASTER);
        processor = new EndTransactionProcessor(bridge, storeConfig);
        when(ctx.channel()).thenReturn(new EmbeddedChannel());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    /** A prepared message of group "pg" parked through the bridge; returns where the half message went. */
    private AppendMessageResult prepare(String body) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put(MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        properties.put(MessageConst.PROPERTY_PRODUCER_GROUP, "pg");
        properties.put(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "uniq-" + body);
        properties.put(MessageConst.PROPERTY_TAGS, "TagA");
        MessageExtBrokerInner msg = TempStore.message(TOPIC, 1, body, 1_000, properties);
        msg.setSysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        AppendMessageResult result = bridge.asyncPrepareMessage(msg).get(10, TimeUnit.SECONDS).getAppendMessageResult();
        store.awaitMaxOffset(TransactionTopics.HALF_TOPIC, 0, result.getLogicsOffset() + 1);
        return result;
    }

    private RemotingCommand end(AppendMessageResult half, String group, long queueOffset, int type) throws Exception {
        EndTransactionRequestHeader header = new EndTransactionRequestHeader();
        header.setProducerGroup(group);
        header.setTranStateTableOffset(queueOffset);
        header.setCommitLogOffset(half.getWroteOffset());
        header.setCommitOrRollback(type);
        header.setFromTransactionCheck(false);
        header.setMsgId("uniq");
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.END_TRANSACTION, header);
        ByteBuffer frame = request.encode();
        frame.position(4);
        return processor.processRequest(ctx, RemotingCommand.decode(frame));
    }

    private RemotingCommand end(AppendMessageResult half, int type) throws Exception {
        return end(half, "pg", half.getLogicsOffset(), type);
    }

    @Test
    void commitWritesTheRealMessageThenTheOpRecord() throws Exception {
        prepare("first");
        AppendMessageResult half = prepare("second");
        RemotingCommand response = end(half, MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertEquals(ResponseCode.SUCCESS, response.getCode());

        store.awaitMaxOffset(TransactionTopics.OP_TOPIC, 0, 1);
        store.awaitDispatched();
        List<MessageExt> real = store.readQueue(TOPIC, 1);
        assertEquals(1, real.size());
        MessageExt committed = real.get(0);
        assertEquals("second", new String(committed.getBody(), StandardCharsets.UTF_8));
        assertEquals(MessageSysFlag.TRANSACTION_COMMIT_TYPE, MessageSysFlag.getTransactionValue(committed.getSysFlag()));
        assertEquals(half.getWroteOffset(), committed.getPreparedTransactionOffset());
        assertEquals(0, committed.getQueueOffset());
        assertEquals("uniq-second", committed.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
        assertEquals("pg", committed.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP));
        assertEquals("TagA", committed.getTags());
        assertNull(committed.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED));
        assertNull(committed.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        assertNull(committed.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID));

        List<MessageExt> ops = store.readQueue(TransactionTopics.OP_TOPIC, 0);
        assertEquals(1, ops.size());
        assertEquals("1", new String(ops.get(0).getBody(), StandardCharsets.UTF_8));
        assertEquals("d", ops.get(0).getTags());
    }

    @Test
    void rollbackWritesOnlyTheOpRecord() throws Exception {
        AppendMessageResult half = prepare("undone");
        assertEquals(ResponseCode.SUCCESS, end(half, MessageSysFlag.TRANSACTION_ROLLBACK_TYPE).getCode());
        store.awaitMaxOffset(TransactionTopics.OP_TOPIC, 0, 1);
        store.awaitDispatched();
        assertEquals(0, store.store.getMaxOffsetInQueue(TOPIC, 1));
        assertEquals("0", new String(store.readQueue(TransactionTopics.OP_TOPIC, 0).get(0).getBody(),
            StandardCharsets.UTF_8));
    }

    @Test
    void unknownStateChangesNothing() throws Exception {
        AppendMessageResult half = prepare("pending");
        assertEquals(ResponseCode.SUCCESS, end(half, MessageSysFlag.TRANSACTION_NOT_TYPE).getCode());
        store.awaitDispatched();
        assertEquals(0, store.store.getMaxOffsetInQueue(TOPIC, 1));
        assertEquals(0, store.store.getMaxOffsetInQueue(TransactionTopics.OP_TOPIC, 0));
    }

    @Test
    void requestsThatDoNotNameTheHalfMessageAreRefusedAndChangeNothing() throws Exception {
        AppendMessageResult half = prepare("guarded");
        RemotingCommand wrongGroup = end(half, "other", half.getLogicsOffset(), MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertEquals(ResponseCode.SYSTEM_ERROR, wrongGroup.getCode());
        assertTrue(wrongGroup.getRemark().startsWith("The producer group wrong"), wrongGroup.getRemark());
        RemotingCommand wrongOffset = end(half, "pg", 7, MessageSysFlag.TRANSACTION_ROLLBACK_TYPE);
        assertEquals(ResponseCode.SYSTEM_ERROR, wrongOffset.getCode());
        assertTrue(wrongOffset.getRemark().startsWith("The transaction state table offset wrong"),
            wrongOffset.getRemark());
        AppendMessageResult nowhere = new AppendMessageResult(null, half.getWroteOffset() + 1_000_000, 0, null, 0, 0, 0);
        RemotingCommand missing = end(nowhere, "pg", 0, MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertEquals(ResponseCode.SYSTEM_ERROR, missing.getCode());
        assertTrue(missing.getRemark().startsWith("Find prepared transaction message failed"), missing.getRemark());

        store.awaitDispatched();
        assertEquals(0, store.store.getMaxOffsetInQueue(TOPIC, 1));
        assertEquals(0, store.store.getMaxOffsetInQueue(TransactionTopics.OP_TOPIC, 0));
    }

    @Test
    void aMessageOutsideTheHalfTopicIsNotAHalfMessage() throws Exception {
        Map<String, String> properties = Map.of(MessageConst.PROPERTY_PRODUCER_GROUP, "pg");
        AppendMessageResult plain = store.put(TempStore.message(TOPIC, 1, "plain", 1_000, properties))
            .getAppendMessageResult();
        RemotingCommand response = end(plain, "pg", 0, MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
        assertFalse(response.getRemark().isEmpty());
        assertTrue(response.getRemark().contains("is not a half message"), response.getRemark());
    }
}
