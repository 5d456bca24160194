package org.cometmq.tools.admin.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.RpcInvoker;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.protocol.header.DeleteSubscriptionGroupRequestHeader;
import org.cometmq.common.protocol.header.GetConsumeStatsRequestHeader;
import org.cometmq.common.protocol.header.ResetOffsetRequestHeader;
import org.cometmq.common.protocol.header.namesrv.PutKVConfigRequestHeader;
import org.cometmq.remoting.RemotingClient;
import org.cometmq.remoting.protocol.LanguageCode;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The admin calls against a fake remoting client: what goes on the wire, and how answers are read. */
class AdminCallsTest {
    private static final String BROKER = "127.0.0.1:10911";

    private final RemotingClient client = mock(RemotingClient.class);
    private final BrokerAdminCalls broker = new BrokerAdminCalls(new RpcInvoker(client), 3000);
    private final NamesrvAdminCalls namesrv = new NamesrvAdminCalls(new RpcInvoker(client), 3000);

    private RemotingCommand answer(int code, String remark, String body) throws Exception {
        RemotingCommand response = RemotingCommand.createResponseCommand(code, remark);
        if (body != null) {
            response.setBody(body.getBytes(StandardCharsets.UTF_8));
        }
        when(client.invokeSync(any(), any(), anyLong())).thenReturn(response);
        return response;
    }

    private RemotingCommand sent(String addr) throws Exception {
        ArgumentCaptor<RemotingCommand> request = ArgumentCaptor.forClass(RemotingCommand.class);
        verify(client).invokeSync(eq(addr), request.capture(), eq(3000L));
        return request.getValue();
    }

    @Test
    void consumeStatsRequestCarriesGroupAndTopicAndReadsObjectKeyedOffsets() throws Exception {
        // the body as a 4.9.7 broker writes it: MessageQueue objects as map keys
        answer(ResponseCode.SUCCESS, null, "{\"consumeTps\":1.5,\"offsetTable\":{{\"brokerName\":\"broker-a\","
            + "\"queueId\":0,\"topic\":\"T\"}:{\"brokerOffset\":100,\"consumerOffset\":90,\"lastTimestamp\":"
            + "1700000000000}}}");
        ConsumeStats stats = broker.getConsumeStats(BROKER, "cg", "T", 3000);

        RemotingCommand request = sent(BROKER);
        assertEquals(RequestCode.GET_CONSUME_STATS, request.getCode());
        GetConsumeStatsRequestHeader header = (GetConsumeStatsRequestHeader) request.readCustomHeader();
        assertEquals("cg", header.getConsumerGroup());
        assertEquals("T", header.getTopic());
        assertEquals(1.5, stats.getConsumeTps());
        OffsetWrapper wrapper = stats.getOffsetTable().get(new MessageQueue("T", "broker-a", 0));
        assertEquals(100, wrapper.getBrokerOffset());
        assertEquals(90, wrapper.getConsumerOffset());
        assertEquals(1_700_000_000_000L, wrapper.getLastTimestamp());
    }

    @Test
    void aRefusalBecomesABrokerExceptionWithCodeRemarkAndAddress() throws Exception {
        answer(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "group cg not exist", null);
        MQBrokerException e = assertThrows(MQBrokerException.class,
            () -> broker.deleteSubscriptionGroup(BROKER, "cg", true));
        assertEquals(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, e.getResponseCode());
        assertEquals("group cg not exist", e.getErrorMessage());
        assertEquals(BROKER, e.getBrokerAddr());
        DeleteSubscriptionGroupRequestHeader header =
            (DeleteSubscriptionGroupRequestHeader) sent(BROKER).readCustomHeader();
        assertEquals("cg", header.getGroupName());
        assertEquals(true, header.isRemoveOffset());
    }

    @Test
    void brokerConfigTravelsAsPropertiesText() throws Exception {
        answer(ResponseCode.SUCCESS, null, "brokerName=broker-a\nlistenPort=10911\n");
        Properties config = broker.getBrokerConfig(BROKER);
        assertEquals("broker-a", config.getProperty("brokerName"));
        assertEquals("10911", config.getProperty("listenPort"));
        assertEquals(2, config.size());
        assertEquals(RequestCode.GET_BROKER_CONFIG, sent(BROKER).getCode());

        RemotingClient updateClient = mock(RemotingClient.class);
        when(updateClient.invokeSync(any(), any(), anyLong()))
            .thenReturn(RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null));
        Properties update = new Properties();
        update.setProperty("flushDiskType", "SYNC_FLUSH");
        new BrokerAdminCalls(new RpcInvoker(updateClient), 3000).updateBrokerConfig(BROKER, update);
        ArgumentCaptor<RemotingCommand> request = ArgumentCaptor.forClass(RemotingCommand.class);
        verify(updateClient).invokeSync(eq(BROKER), request.capture(), eq(3000L));
        assertEquals(RequestCode.UPDATE_BROKER_CONFIG, request.getValue().getCode());
        assertEquals("flushDiskType=SYNC_FLUSH\n", new String(request.getValue().getBody(), StandardCharsets.UTF_8));
    }

    @Test
    void resetOffsetOfACppGroupIsMarkedByLanguage() throws Exception {
        answer(ResponseCode.SUCCESS, null,
            "{\"offsetTable\":{{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"T\"}:5}}");
        Map<MessageQueue, Long> offsets = broker.invokeBrokerToResetOffset(BROKER, "T", "cg", 42L, true, true);
        assertEquals(Map.of(new MessageQueue("T", "broker-a", 1), 5L), offsets);
        RemotingCommand request = sent(BROKER);
        assertEquals(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, request.getCode());
        assertEquals(LanguageCode.CPP, request.getLanguage());
        ResetOffsetRequestHeader header = (ResetOffsetRequestHeader) request.readCustomHeader();
        assertEquals(42L, header.getTimestamp());
        assertEquals("cg", header.getGroup());
    }

    @Test
    void kvConfigIsPutOnEveryNameServer() throws Exception {
        when(client.getNameServerAddressList()).thenReturn(List.of("127.0.0.1:1", "127.0.0.1:2"));
        answer(ResponseCode.SUCCESS, null, null);
        namesrv.putKVConfigValue("ORDER_TOPIC_CONFIG", "T", "broker-a:4");
        ArgumentCaptor<RemotingCommand> request = ArgumentCaptor.forClass(RemotingCommand.class);
        verify(client).invokeSync(eq("127.0.0.1:1"), request.capture(), eq(3000L));
        verify(client).invokeSync(eq("127.0.0.1:2"), any(), eq(3000L));
        verify(client, times(2)).invokeSync(any(), any(), anyLong());
        assertEquals(RequestCode.PUT_KV_CONFIG, request.getValue().getCode());
        PutKVConfigRequestHeader header = (PutKVConfigRequestHeader) request.getValue().readCustomHeader();
        assertEquals("ORDER_TOPIC_CONFIG", header.getNamespace());
        assertEquals("T", header.getKey());
        assertEquals("broker-a:4", header.getValue());
    }

    @Test
    void nameServerRefusalIsAClientErrorWithItsCode() throws Exception {
        answer(ResponseCode.NO_PERMISSION, "Can not update config path", null);
        Properties properties = new Properties();
        properties.setProperty("kvConfigPath", "/tmp/x");
        MQClientException e = assertThrows(MQClientException.class,
            () -> namesrv.updateNameServerConfig(properties, List.of("127.0.0.1:1")));
        assertEquals(ResponseCode.NO_PERMISSION, e.getResponseCode());
        assertEquals("Can not update config path", e.getErrorMessage());
    }

    @Test
    void wipeWritePermReadsTheTopicCountFromTheResponseHeader() throws Exception {
        RemotingCommand response = answer(ResponseCode.SUCCESS, null, null);
        response.addExtField("wipeTopicCount", "3");
        assertEquals(3, namesrv.wipeWritePermOfBroker("127.0.0.1:1", "broker-a"));
        assertEquals(RequestCode.WIPE_WRITE_PERM_OF_BROKER, sent("127.0.0.1:1").getCode());
    }

    @Test
    void topicsByClusterSendsTheClusterField() throws Exception {
        answer(ResponseCode.SUCCESS, null, "{\"topicList\":[\"A\",\"B\"]}");
        TopicList topics = namesrv.getTopicsByCluster("C1");
        assertEquals(2, topics.getTopicList().size());
        RemotingCommand request = sent(null);
        assertEquals(RequestCode.GET_TOPICS_BY_CLUSTER, request.getCode());
        assertEquals("C1", request.getExtFields().get("cluster"));
    }

    @Test
    void nameServerConfigIsParsedPerServer() throws Exception {
        answer(ResponseCode.SUCCESS, null, "listenPort=9876\norderMessageEnable=false\n");
        Map<String, Properties> configs = namesrv.getNameServerConfig(List.of("127.0.0.1:1"));
        assertEquals(1, configs.size());
        assertEquals("9876", configs.get("127.0.0.1:1").getProperty("listenPort"));
        assertNull(configs.get("127.0.0.1:1").getProperty("kvConfigPath"));
    }
}
