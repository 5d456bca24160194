package org.cometmq.broker.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.cometmq.broker.client.Broker2Client;
import org.cometmq.broker.client.ProducerManager;
import org.cometmq.broker.stats.BrokerStatsManager;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.ReplyMessageRequestHeader;
import org.cometmq.common.protocol.header.SendMessageRequestHeader;
import org.cometmq.common.protocol.header.SendMessageRequestHeaderV2;
import org.cometmq.common.protocol.header.SendMessageResponseHeader;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.AppendMessageResult;
import org.cometmq.store.AppendMessageStatus;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.MessageStore;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.PutMessageStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** SEND_REPLY_MESSAGE_V2: push to the requester, store in the reply topic, and the answer each outcome gives. */
class ReplyMessageProcessorTest {
    private static final String REQUESTER = "127.0.0.1@requester";
    private static final String STORED_MSG_ID = "7F00000100002A9F0000000000000123";

    @TempDir
    Path dir;
    private final BrokerConfig config = new BrokerConfig();
    private final ProducerManager producers = mock(ProducerManager.class);
    private final Broker2Client broker2Client = mock(Broker2Client.class);
    private final MessageStore store = mock(MessageStore.class);
    private final ChannelHandlerContext ctx = mock(ChannelHandlerContext.class);
    private final Channel requesterChannel = new EmbeddedChannel();
    private ReplyMessageProcessor processor;
    private String replyTopic;

    @BeforeEach
    void setUp() {
        when(ctx.channel()).thenReturn(new EmbeddedChannel());
        TopicConfigManager topics = new TopicConfigManager(config, dir.resolve("topics.json").toString());
        replyTopic = MixAll.getReplyTopic(config.getBrokerClusterName());
        processor = new ReplyMessageProcessor(config, new SendMessageChecker(config, topics), producers, broker2Client,
            store, new BrokerStatsManager(Clock.systemUTC()), () -> new InetSocketAddress("127.0.0.1", 10911));
        when(store.putMessage(any())).thenReturn(new PutMessageResult(PutMessageStatus.PUT_OK,
            new AppendMessageResult(AppendMessageStatus.PUT_OK, 0, 100, () -> STORED_MSG_ID, 0, 7, 0)));
    }

    @Test
    void pushedReplyIsAnsweredSuccessAndStoredInTheReplyTopic() throws Exception {
        when(producers.findChannel(REQUESTER)).thenReturn(requesterChannel);
        when(broker2Client.callClient(any(), any()))
            .thenReturn(RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null));

        RemotingCommand response = processor.processRequest(ctx, replyRequest(REQUESTER));

        assertEquals(ResponseCode.SUCCESS, response.getCode());
        SendMessageResponseHeader header = (SendMessageResponseHeader) response.readCustomHeader();
        assertEquals(STORED_MSG_ID, header.getMsgId());
        assertEquals(7L, header.getQueueOffset());
        ArgumentCaptor<RemotingCommand> push = ArgumentCaptor.forClass(RemotingCommand.class);
        verify(broker2Client).callClient(org.mockito.ArgumentMatchers.eq(requesterChannel), push.capture());
        assertEquals(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT, push.getValue().getCode());
        push.getValue().makeCustomHeaderToNet();
        ReplyMessageRequestHeader pushed = push.getValue().decodeCommandCustomHeader(ReplyMessageRequestHeader.class);
        assertEquals(replyTopic, pushed.getTopic());
        assertEquals("/127.0.0.1:10911", pushed.getStoreHost());
        Map<String, String> pushedProperties = MessageDecoder.string2messageProperties(pushed.getProperties());
        assertEquals("c-1", pushedProperties.get(MessageConst.PROPERTY_CORRELATION_ID));
        assertNotNull(pushedProperties.get(MessageConst.PROPERTY_PUSH_REPLY_TIME));
        assertArrayEquals("answer".getBytes(StandardCharsets.UTF_8), push.getValue().getBody());
        ArgumentCaptor<MessageExtBrokerInner> stored = ArgumentCaptor.forClass(MessageExtBrokerInner.class);
        verify(store).putMessage(stored.capture());
        assertEquals(replyTopic, stored.getValue().getTopic());
        assertNull(stored.getValue().getProperty(MessageConst.PROPERTY_PUSH_REPLY_TIME),
            "the stored copy keeps the replier's properties");
        assertNull(stored.getValue().getProperty(MessageConst.PROPERTY_CLUSTER));
    }

    @Test
    void requesterWithoutChannelIsSystemErrorButTheReplyIsStillStored() throws Exception {
        RemotingCommand response = processor.processRequest(ctx, replyRequest(REQUESTER));

        assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
        assertEquals("push reply message fail, channel of <" + REQUESTER + "> not found.", response.getRemark());
        verify(store).putMessage(any());
    }

    @Test
    void replyWithoutRequesterIdIsSystemError() throws Exception {
        RemotingCommand response = processor.processRequest(ctx, replyRequest(null));

        assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
        assertEquals("reply message properties[REPLY_TO_CLIENT] is null", response.getRemark());
    }

    @Test
    void storeReplyMessageDisabledLeavesTheStoreAloneAndAnswersMsgIdZero() throws Exception {
        config.setStoreReplyMessageEnable(false);
        when(producers.findChannel(REQUESTER)).thenReturn(requesterChannel);
        when(broker2Client.callClient(any(), any()))
            .thenReturn(RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null));

        RemotingCommand response = processor.processRequest(ctx, replyRequest(REQUESTER));

        assertEquals(ResponseCode.SUCCESS, response.getCode());
        assertEquals("0", ((SendMessageResponseHeader) response.readCustomHeader()).getMsgId());
        verify(store, never()).putMessage(any());
    }

    @Test
    void requesterAnsweringAnErrorMakesTheReplyFail() throws Exception {
        when(producers.findChannel(REQUESTER)).thenReturn(requesterChannel);
        when(broker2Client.callClient(any(), any()))
            .thenReturn(RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR, "process reply message fail"));

        RemotingCommand response = processor.processRequest(ctx, replyRequest(REQUESTER));

        assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
        assertTrue(response.getRemark().contains(REQUESTER));
    }

    private RemotingCommand replyRequest(String requester) {
        Map<String, String> properties = new HashMap<>();
        properties.put(MessageConst.PROPERTY_MESSAGE_TYPE, MixAll.REPLY_MESSAGE_FLAG);
        properties.put(MessageConst.PROPERTY_CORRELATION_ID, "c-1");
        properties.put(MessageConst.PROPERTY_MESSAGE_TTL, "3000");
        if (requester != null) {
            properties.put(MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT, requester);
        }
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup("replier");
        header.setTopic(replyTopic);
        header.setDefaultTopic("TBW102");
        header.setDefaultTopicQueueNums(4);
        header.setQueueId(0);
        header.setSysFlag(0);
        header.setBornTimestamp(System.currentTimeMillis());
        header.setFlag(0);
        header.setProperties(MessageDecoder.messageProperties2String(properties));
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_REPLY_MESSAGE_V2,
            SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(header));
        request.setBody("answer".getBytes(StandardCharsets.UTF_8));
        request.makeCustomHeaderToNet();
        return request;
    }
}
