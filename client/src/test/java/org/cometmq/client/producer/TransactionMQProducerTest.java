package org.cometmq.client.producer;

import static org.cometmq.client.producer.ProducerTestSupport.BROKER_A;
import static org.cometmq.client.producer.ProducerTestSupport.routeResponse;
import static org.cometmq.client.producer.ProducerTestSupport.started;
import static org.cometmq.client.producer.ProducerTestSupport.storingBroker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.cometmq.client.hook.EndTransactionContext;
import org.cometmq.client.hook.EndTransactionHook;
import org.cometmq.client.impl.FakeRemotingClient;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.client.impl.producer.RouteFixtures;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.header.CheckTransactionStateRequestHeader;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionMQProducerTest {
    private final FakeRemotingClient remoting = new FakeRemotingClient();
    private final AtomicLong offsets = new AtomicLong(5);
    private final AtomicReference<MessageExt> checked = new AtomicReference<>();
    private TransactionMQProducer producer;
    private LocalTransactionState localOutcome = LocalTransactionState.COMMIT_MESSAGE;

    @BeforeEach
    void setUp() throws Exception {
        remoting.on(null, request -> routeResponse(RouteFixtures.route(1, "broker-a")));
        remoting.on(BROKER_A, storingBroker(10911, offsets));
        MQClientInstance instance = ProducerTestSupport.instance(remoting);
        producer = new TransactionMQProducer("tx-group");
        producer.setExecutorService(Executors.newSingleThreadExecutor());
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return localOutcome;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                checked.set(msg);
                return LocalTransactionState.ROLLBACK_MESSAGE;
            }
        });
        producer.getDefaultMQProducerImpl().initTransactionEnv(producer.getExecutorService());
        started(producer, instance);
    }

    @AfterEach
    void tearDown() {
        producer.shutdown();
        producer.getExecutorService().shutdownNow();
    }

    @Test
    void commitSendsHalfMessageThenEndTransactionOneway() throws Exception {
        TransactionSendResult result = producer.sendMessageInTransaction(new Message("TxTopic", new byte[] {1}), null);

        RemotingCommand half = remoting.lastRequest(RequestCode.SEND_MESSAGE_V2);
        assertEquals("4", half.getExtFields().get("f"));
        Map<String, String> props = MessageDecoder.string2messageProperties(half.getExtFields().get("i"));
        assertEquals("true", props.get(MessageConst.PROPERTY_TRANSACTION_PREPARED));
        assertEquals("tx-group", props.get(MessageConst.PROPERTY_PRODUCER_GROUP));

        RemotingCommand end = remoting.lastRequest(RequestCode.END_TRANSACTION);
        assertTrue(end.isOnewayRPC());
        assertEquals("8", end.getExtFields().get("commitOrRollback"));
        assertEquals("5", end.getExtFields().get("tranStateTableOffset"));
        assertEquals(String.valueOf(1005), end.getExtFields().get("commitLogOffset"));
        assertEquals(result.getMsgId(), end.getExtFields().get("msgId"));
        assertEquals("tx-group", end.getExtFields().get("producerGroup"));
        assertEquals("false", end.getExtFields().get("fromTransactionCheck"));
        assertEquals(LocalTransactionState.COMMIT_MESSAGE, result.getLocalTransactionState());
        assertEquals(SendStatus.SEND_OK, result.getSendStatus());
    }

    @Test
    void endTransactionHooksSeeTheOutcomeBeforeItIsSent() throws Exception {
        List<String> seen = new ArrayList<>();
        producer.getDefaultMQProducerImpl().registerEndTransactionHook(new EndTransactionHook() {
            @Override
            public String hookName() {
                return "recorder";
            }

            @Override
            public void endTransaction(EndTransactionContext c) {
                seen.add(c.getProducerGroup() + " " + c.getBrokerAddr() + " " + c.getMsgId() + " "
                    + c.getTransactionId() + " " + c.getTransactionState() + " " + c.isFromTransactionCheck() + " "
                    + c.getMessage().getTopic() + " sentBefore=" + remoting.calls().contains(BROKER_A + "#"
                    + RequestCode.END_TRANSACTION));
            }
        });
        TransactionSendResult result = producer.sendMessageInTransaction(new Message("TxTopic", new byte[] {1}), null);
        assertEquals(List.of("tx-group " + BROKER_A + " " + result.getMsgId() + " " + result.getMsgId()
            + " COMMIT_MESSAGE false TxTopic sentBefore=false"), seen);
    }

    @Test
    void rollbackAndUnknownMapToTheirFlags() throws Exception {
        localOutcome = LocalTransactionState.ROLLBACK_MESSAGE;
        producer.sendMessageInTransaction(new Message("TxTopic", new byte[] {1}), null);
        assertEquals("12", remoting.lastRequest(RequestCode.END_TRANSACTION).getExtFields().get("commitOrRollback"));
        localOutcome = LocalTransactionState.UNKNOW;
        producer.sendMessageInTransaction(new Message("TxTopic", new byte[] {1}), null);
        assertEquals("0", remoting.lastRequest(RequestCode.END_TRANSACTION).getExtFields().get("commitOrRollback"));
    }

    @Test
    void checkBackIsAnsweredToTheAskingBroker() throws Exception {
        MessageExt half = new MessageExt();
        half.setTopic("TxTopic");
        half.setBody(new byte[] {1});
        half.setBornHost(new InetSocketAddress("127.0.0.1", 5000));
        half.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
        org.cometmq.common.message.MessageAccessor.putProperty(half, MessageConst.PROPERTY_PRODUCER_GROUP, "tx-group");
        org.cometmq.common.message.MessageAccessor.putProperty(half, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "UNIQ-7");
        org.cometmq.common.message.MessageAccessor.putProperty(half, MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        CheckTransactionStateRequestHeader header = new CheckTransactionStateRequestHeader();
        header.setTranStateTableOffset(3L);
        header.setCommitLogOffset(4096L);
        header.setTransactionId("UNIQ-7");
        header.setMsgId("UNIQ-7");
        RemotingCommand check = RemotingCommand.createRequestCommand(RequestCode.CHECK_TRANSACTION_STATE, header);
        check.setBody(MessageDecoder.encode(half));

        ChannelHandlerContext ctx = mock(ChannelHandlerContext.class);
        Channel channel = mock(Channel.class);
        when(ctx.channel()).thenReturn(channel);
        when(channel.remoteAddress()).thenReturn(new InetSocketAddress("127.0.0.1", 10911));
        assertNull(remoting.processor(RequestCode.CHECK_TRANSACTION_STATE).processRequest(ctx, check));

        producer.getExecutorService().submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertNotNull(checked.get());
        assertEquals("UNIQ-7", checked.get().getTransactionId());
        RemotingCommand end = remoting.lastRequest(RequestCode.END_TRANSACTION);
        assertEquals(BROKER_A + "#" + RequestCode.END_TRANSACTION, remoting.calls().get(remoting.calls().size() - 1));
        assertEquals(Map.of("producerGroup", "tx-group", "tranStateTableOffset", "3", "commitLogOffset", "4096",
            "commitOrRollback", "12", "fromTransactionCheck", "true", "msgId", "UNIQ-7", "transactionId", "UNIQ-7"),
            end.getExtFields());
    }
}
