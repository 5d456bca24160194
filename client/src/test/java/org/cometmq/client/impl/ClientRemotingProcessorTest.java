package org.cometmq.client.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.impl.consumer.MQConsumerInner;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.protocol.body.GetConsumerStatusBody;
import org.cometmq.common.protocol.body.ResetOffsetBody;
import org.cometmq.common.protocol.header.GetConsumerRunningInfoRequestHeader;
import org.cometmq.common.protocol.header.GetConsumerStatusRequestHeader;
import org.cometmq.common.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import org.cometmq.common.protocol.header.ResetOffsetRequestHeader;
import org.cometmq.common.protocol.heartbeat.ConsumeType;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientRemotingProcessorTest {
    private static final MessageQueue Q = new MessageQueue("T", "broker-a", 1);

    private final MQClientInstance instance = mock(MQClientInstance.class);
    private final MQConsumerInner consumer = mock(MQConsumerInner.class);
    private final ChannelHandlerContext ctx = mock(ChannelHandlerContext.class);
    private final ClientRemotingProcessor processor = new ClientRemotingProcessor(new ClientConfig(),
        instance::selectProducer, instance::selectConsumer, instance::rebalanceImmediately,
        () -> instance.getMQClientAPIImpl().getNameServerAddressList());

    @BeforeEach
    void setUp() {
        Channel channel = mock(Channel.class);
        when(ctx.channel()).thenReturn(channel);
        when(channel.remoteAddress()).thenReturn(new InetSocketAddress("127.0.0.1", 10911));
        when(instance.selectConsumer("cg")).thenReturn(consumer);
    }

    @Test
    void notifyConsumerIdsChangedRebalancesAtOnce() throws Exception {
        NotifyConsumerIdsChangedRequestHeader header = new NotifyConsumerIdsChangedRequestHeader();
        header.setConsumerGroup("cg");
        assertNull(processor.processRequest(ctx, wire(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, header, null)));
        verify(instance).rebalanceImmediately();
    }

    @Test
    void resetOffsetGoesToTheGroupsConsumer() throws Exception {
        ResetOffsetRequestHeader header = new ResetOffsetRequestHeader();
        header.setTopic("T");
        header.setGroup("cg");
        header.setTimestamp(5L);
        header.setForce(true);
        ResetOffsetBody body = new ResetOffsetBody();
        body.getOffsetTable().put(Q, 42L);
        assertNull(processor.processRequest(ctx, wire(RequestCode.RESET_CONSUMER_CLIENT_OFFSET, header, body.encode())));
        verify(consumer).resetOffset("T", Map.of(Q, 42L));

        header.setGroup("other");
        processor.processRequest(ctx, wire(RequestCode.RESET_CONSUMER_CLIENT_OFFSET, header, body.encode()));
        verify(consumer, times(1)).resetOffset(anyString(), any());
    }

    @Test
    void consumeStatusCarriesTheConsumersOffsets() throws Exception {
        when(consumer.getConsumeStatus("T")).thenReturn(Map.of(Q, 9L));
        GetConsumerStatusRequestHeader header = new GetConsumerStatusRequestHeader();
        header.setTopic("T");
        header.setGroup("cg");
        RemotingCommand response = processor.processRequest(ctx,
            wire(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, header, null));
        assertEquals(ResponseCode.SUCCESS, response.getCode());
        GetConsumerStatusBody body = GetConsumerStatusBody.decode(response.getBody(), GetConsumerStatusBody.class);
        assertEquals(Map.of(Q, 9L), body.getMessageQueueTable());
    }

    @Test
    void runningInfoAddsClientPropertiesAndUnknownGroupIsAnError() throws Exception {
        when(consumer.consumerRunningInfo()).thenReturn(new ConsumerRunningInfo());
        when(consumer.consumeType()).thenReturn(ConsumeType.CONSUME_PASSIVELY);
        MQClientAPIImpl api = mock(MQClientAPIImpl.class);
        when(api.getNameServerAddressList()).thenReturn(List.of("127.0.0.1:9876", "127.0.0.1:9877"));
        when(instance.getMQClientAPIImpl()).thenReturn(api);
        GetConsumerRunningInfoRequestHeader header = new GetConsumerRunningInfoRequestHeader();
        header.setConsumerGroup("cg");
        header.setClientId("127.0.0.1@1");
        RemotingCommand response = processor.processRequest(ctx, wire(RequestCode.GET_CONSUMER_RUNNING_INFO, header, null));
        assertEquals(ResponseCode.SUCCESS, response.getCode());
        ConsumerRunningInfo info = ConsumerRunningInfo.decode(response.getBody(), ConsumerRunningInfo.class);
        assertEquals("127.0.0.1:9876;127.0.0.1:9877", info.getProperties().get(ConsumerRunningInfo.PROP_NAMESERVER_ADDR));
        assertEquals("CONSUME_PASSIVELY", info.getProperties().get(ConsumerRunningInfo.PROP_CONSUME_TYPE));
        assertEquals("V4_9_7", info.getProperties().get(ConsumerRunningInfo.PROP_CLIENT_VERSION));
        assertNull(info.getJstack());

        header.setConsumerGroup("nobody");
        RemotingCommand missing = processor.processRequest(ctx, wire(RequestCode.GET_CONSUMER_RUNNING_INFO, header, null));
        assertEquals(ResponseCode.SYSTEM_ERROR, missing.getCode());
        assertEquals("The Consumer Group <nobody> not exist in this consumer", missing.getRemark());
    }

    private static RemotingCommand wire(int code, org.cometmq.remoting.CommandCustomHeader header, byte[] body) {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, header);
        request.setBody(body);
        return MQClientAPIImplTest.wire(request);
    }
}
