package org.cometmq.broker.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cometmq.broker.BrokerController;
import org.cometmq.broker.config.BrokerConfiguration;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.CheckTransactionStateRequestHeader;
import org.cometmq.common.protocol.header.EndTransactionRequestHeader;
import org.cometmq.common.protocol.header.SendMessageRequestHeader;
import org.cometmq.common.protocol.header.SendMessageRequestHeaderV2;
import org.cometmq.common.protocol.header.SendMessageResponseHeader;
import org.cometmq.common.protocol.heartbeat.HeartbeatData;
import org.cometmq.common.protocol.heartbeat.ProducerData;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.remoting.netty.NettyClientConfig;
import org.cometmq.remoting.netty.NettyRemotingClient;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker in this JVM and a raw remoting client acting as a transaction producer: half message send, END_TRANSACTION
 * over the wire, and a check-back answered with the offsets the broker sent.
 */
class TransactionRoundTripTest {
    private static final String TOPIC = "TxRoundTrip";

    @TempDir
    Path dir;
    private BrokerController broker;
    private NettyRemotingClient producer;
    private ExecutorService producerExecutor;
    private final BlockingQueue<RemotingCommand> checks = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() throws Exception {
        NettyServerConfig server = new NettyServerConfig();
        server.setListenPort(0);
        BrokerConfig brokerConfig = new BrokerConfig();
        brokerConfig.setBrokerName("broker-tx");
        brokerConfig.setBrokerIP1("127.0.0.1");
        brokerConfig.setNamesrvAddr(null);
        // rounds far enough apart that a check is answered before the next round looks at the message again
        brokerConfig.setTransactionCheckInterval(500);
        brokerConfig.setTransactionTimeOut(300);
        MessageStoreConfig storeConfig = new MessageStoreConfig();
        storeConfig.setStorePathRootDir(dir.toString());
        storeConfig.setMappedFileSizeCommitLog(4 * 1024 * 1024);
        storeConfig.setMappedFileSizeConsumeQueue(30_000 * 20);
        storeConfig.setMaxHashSlotNum(1000);
        storeConfig.setMaxIndexNum(4000);
        broker = new BrokerController(new BrokerConfiguration(brokerConfig, storeConfig, server,
            new NettyClientConfig()));
        if (!broker.initialize()) {
            throw new IllegalStateException("broker did not initialize");
        }
        broker.start();
        producerExecutor = Executors.newSingleThreadExecutor();
        producer = new NettyRemotingClient(new NettyClientConfig());
        producer.registerProcessor(RequestCode.CHECK_TRANSACTION_STATE, new NettyRequestProcessor() {
            @Override
            public RemotingCommand processRequest(io.netty.channel.ChannelHandlerContext ctx, RemotingCommand request) {
                checks.add(request);
                return null;
            }

            @Override
            public boolean rejectRequest() {
                return false;
            }
        }, producerExecutor);
        producer.start();
        HeartbeatData heartbeat = new HeartbeatData();
        heartbeat.setClientID("127.0.0.1@tx-producer");
        heartbeat.getProducerDataSet().add(new ProducerData("pg"));
        RemotingCommand beat = RemotingCommand.createRequestCommand(RequestCode.HEART_BEAT, null);
        beat.setBody(heartbeat.encode());
        assertEquals(ResponseCode.SUCCESS, call(beat).getCode());
    }

    @AfterEach
    void tearDown() {
        producer.shutdown();
        producerExecutor.shutdownNow();
        broker.shutdown();
    }

    private RemotingCommand call(RemotingCommand request) throws Exception {
        return producer.invokeSync(broker.getBrokerAddr(), request, 10_000);
    }

    private SendMessageResponseHeader sendHalf(String body) throws Exception {
        SendMessageRequestHeader v1 = new SendMessageRequestHeader();
        v1.setProducerGroup("pg");
        v1.setTopic(TOPIC);
        v1.setDefaultTopic("TBW102");
        v1.setDefaultTopicQueueNums(4);
        v1.setQueueId(1);
        v1.setSysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        v1.setBornTimestamp(System.currentTimeMillis());
        v1.setFlag(0);
        v1.setProperties(MessageDecoder.messageProperties2String(Map.of(
            MessageConst.PROPERTY_TRANSACTION_PREPARED, "true", MessageConst.PROPERTY_PRODUCER_GROUP, "pg",
            MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "uniq-" + body)));
        v1.setReconsumeTimes(0);
        v1.setBatch(false);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2,
            SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(v1));
        request.setBody(body.getBytes(StandardCharsets.UTF_8));
        RemotingCommand response = call(request);
        assertEquals(ResponseCode.SUCCESS, response.getCode(), response.getRemark());
        return response.decodeCommandCustomHeader(SendMessageResponseHeader.class);
    }

    private void endOneway(long queueOffset, long commitLogOffset, int type, boolean fromCheck) throws Exception {
        EndTransactionRequestHeader header = new EndTransactionRequestHeader();
        header.setProducerGroup("pg");
        header.setTranStateTableOffset(queueOffset);
        header.setCommitLogOffset(commitLogOffset);
        header.setCommitOrRollback(type);
        header.setFromTransactionCheck(fromCheck);
        header.setMsgId("uniq");
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.END_TRANSACTION, header);
        producer.invokeOneway(broker.getBrokerAddr(), request, 3_000);
    }

    /** Waits (bounded) for the real topic's queue 1 to hold {@code count} messages and returns them. */
    private List<MessageExt> awaitDelivered(int count) throws Exception {
        Await.until(count + " messages in " + TOPIC, Duration.ofSeconds(10), Duration.ofMillis(10),
            () -> broker.getMessageStore().getMaxOffsetInQueue(TOPIC, 1), offset -> offset >= count);
        var result = broker.getMessageStore().getMessage("g", TOPIC, 1, 0, 32, null);
        try {
            return result.getMessageBufferList().stream().map(b -> MessageDecoder.decode(b.slice())).toList();
        } finally {
            result.release();
        }
    }

    @Test
    void halfMessageIsInvisibleUntilCommittedAndTheAnswerCarriesItsOffsets() throws Exception {
        SendMessageResponseHeader sent = sendHalf("committed");
        assertEquals(1, sent.getQueueId());
        assertEquals(0L, sent.getQueueOffset());
        assertEquals(32, sent.getMsgId().length());
        long halfOffset = MessageDecoder.decodeMessageId(sent.getMsgId()).getOffset();
        MessageExt half = broker.getMessageStore().lookMessageByOffset(halfOffset);
        assertEquals(TransactionTopics.HALF_TOPIC, half.getTopic());
        assertEquals(TOPIC, half.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        assertEquals(0, broker.getMessageStore().getMaxOffsetInQueue(TOPIC, 1));

        endOneway(sent.getQueueOffset(), halfOffset, MessageSysFlag.TRANSACTION_COMMIT_TYPE, false);
        List<MessageExt> delivered = awaitDelivered(1);
        assertEquals("committed", new String(delivered.get(0).getBody(), StandardCharsets.UTF_8));
        assertEquals(halfOffset, delivered.get(0).getPreparedTransactionOffset());
        assertNull(checks.poll(1, TimeUnit.SECONDS), "an ended transaction is not checked");
    }

    @Test
    void unansweredHalfMessageIsCheckedAndCommittedByTheCheckAnswer() throws Exception {
        SendMessageResponseHeader sent = sendHalf("checked");
        endOneway(sent.getQueueOffset(), MessageDecoder.decodeMessageId(sent.getMsgId()).getOffset(),
            MessageSysFlag.TRANSACTION_NOT_TYPE, false);

        RemotingCommand check = checks.poll(10, TimeUnit.SECONDS);
        assertEquals(RequestCode.CHECK_TRANSACTION_STATE, check.getCode());
        CheckTransactionStateRequestHeader header =
            check.decodeCommandCustomHeader(CheckTransactionStateRequestHeader.class);
        assertEquals("uniq-checked", header.getMsgId());
        assertEquals(1L, header.getTranStateTableOffset());
        MessageExt body = MessageDecoder.decode(ByteBuffer.wrap(check.getBody()));
        assertEquals(TOPIC, body.getTopic());
        assertEquals(1, body.getQueueId());
        assertEquals("1", body.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES));

        endOneway(header.getTranStateTableOffset(), header.getCommitLogOffset(),
            MessageSysFlag.TRANSACTION_COMMIT_TYPE, true);
        assertEquals("checked", new String(awaitDelivered(1).get(0).getBody(), StandardCharsets.UTF_8));
        // once ended, the copy is not checked again in the following rounds
        assertNull(checks.poll(1_500, TimeUnit.MILLISECONDS));
        assertEquals(1, broker.getMessageStore().getMaxOffsetInQueue(TOPIC, 1));
    }
}
