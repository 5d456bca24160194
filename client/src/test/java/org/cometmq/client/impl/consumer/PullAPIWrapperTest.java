package org.cometmq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.client.hook.FilterMessageContext;
import org.cometmq.client.hook.FilterMessageHook;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.client.impl.FindBrokerResult;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.common.filter.FilterAPI;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.header.PullMessageRequestHeader;
import org.cometmq.common.sysflag.PullSysFlag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class PullAPIWrapperTest {
    private static final MessageQueue MQ = new MessageQueue("TopicTest", "broker-a", 3);

    private static byte[] storedRecords(String... tags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < tags.length; i++) {
            MessageExt msg = new MessageExt();
            msg.setTopic("TopicTest");
            msg.setTags(tags[i]);
            msg.setBody(("body-" + i).getBytes(StandardCharsets.UTF_8));
            msg.setQueueId(3);
            msg.setQueueOffset(10 + i);
            msg.setCommitLogOffset(1000L * i);
            msg.setBornHost(new InetSocketAddress("127.0.0.1", 5000));
            msg.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
            byte[] record = MessageDecoder.encode(msg);
            out.write(record, 0, record.length);
        }
        return out.toByteArray();
    }

    @Test
    void foundRecordsAreDecodedFilteredByTagAndStamped() {
        PullAPIWrapper wrapper = new PullAPIWrapper(mock(SubscribeRouteSource.class), mock(MQClientAPIImpl.class),
            "cg", false);
        PullResultExt raw = new PullResultExt(PullStatus.FOUND, 13, 2, 20, null, 1,
            storedRecords("TagA", "TagB", "TagC"));
        PullResult result = wrapper.processPullResult(MQ, raw,
            FilterAPI.buildSubscriptionData("TopicTest", "TagA || TagC"));
        List<String> bodies = new ArrayList<>();
        for (MessageExt msg : result.getMsgFoundList()) {
            bodies.add(new String(msg.getBody(), StandardCharsets.UTF_8) + "@" + msg.getQueueOffset());
            assertEquals("2", msg.getProperty(MessageConst.PROPERTY_MIN_OFFSET));
            assertEquals("20", msg.getProperty(MessageConst.PROPERTY_MAX_OFFSET));
            assertEquals("broker-a", msg.getBrokerName());
        }
        assertEquals(List.of("body-0@10", "body-2@12"), bodies);
        assertNull(raw.getMessageBinary());
        // The broker suggested its slave (id 1): the next pull of this queue goes there.
        assertEquals(1, wrapper.recalculatePullFromWhichNode(MQ));
    }

    @Test
    void subscribeAllKeepsEveryRecord() {
        PullAPIWrapper wrapper = new PullAPIWrapper(mock(SubscribeRouteSource.class), mock(MQClientAPIImpl.class),
            "cg", false);
        PullResult result = wrapper.processPullResult(MQ,
            new PullResultExt(PullStatus.FOUND, 12, 0, 12, null, 0, storedRecords("TagA", "TagB")),
            FilterAPI.buildSubscriptionData("TopicTest", "*"));
        assertEquals(2, result.getMsgFoundList().size());
        assertEquals(0, wrapper.recalculatePullFromWhichNode(MQ));
    }

    @Test
    void pullHeaderCarriesEveryField() throws Exception {
        SubscribeRouteSource factory = mock(SubscribeRouteSource.class);
        MQClientAPIImpl api = mock(MQClientAPIImpl.class);
        when(factory.findBrokerAddressInSubscribe("broker-a", 0L, false))
            .thenReturn(new FindBrokerResult("127.0.0.1:10911", false));
        PullAPIWrapper wrapper = new PullAPIWrapper(factory, api, "cg", false);
        int sysFlag = PullSysFlag.buildSysFlag(true, true, false, false);
        wrapper.pullKernelImpl(MQ, null, "TAG", 123L, 77L, 32, sysFlag, 70L, 15000, 30000,
            CommunicationMode.ASYNC, null);
        ArgumentCaptor<PullMessageRequestHeader> header = ArgumentCaptor.forClass(PullMessageRequestHeader.class);
        verify(api).pullMessage(eq("127.0.0.1:10911"), header.capture(), eq(30000L),
            eq(CommunicationMode.ASYNC), any());
        PullMessageRequestHeader h = header.getValue();
        assertEquals("cg|TopicTest|3|77|32|3|70|15000|null|123|TAG|broker-a", h.getConsumerGroup() + "|"
            + h.getTopic() + "|" + h.getQueueId() + "|" + h.getQueueOffset() + "|" + h.getMaxMsgNums() + "|"
            + h.getSysFlag() + "|" + h.getCommitOffset() + "|" + h.getSuspendTimeoutMillis() + "|"
            + h.getSubscription() + "|" + h.getSubVersion() + "|" + h.getExpressionType() + "|" + h.getBname());
    }

    @Test
    void slaveNeverGetsTheCommitFlag() throws Exception {
        SubscribeRouteSource factory = mock(SubscribeRouteSource.class);
        MQClientAPIImpl api = mock(MQClientAPIImpl.class);
        when(factory.findBrokerAddressInSubscribe(eq("broker-a"), anyLong(), eq(false)))
            .thenReturn(new FindBrokerResult("127.0.0.1:10921", true));
        PullAPIWrapper wrapper = new PullAPIWrapper(factory, api, "cg", false);
        wrapper.pullKernelImpl(MQ, null, "TAG", 0L, 0L, 32, PullSysFlag.buildSysFlag(true, true, false, false), 5L,
            15000, 30000, CommunicationMode.ASYNC, null);
        ArgumentCaptor<PullMessageRequestHeader> header = ArgumentCaptor.forClass(PullMessageRequestHeader.class);
        verify(api).pullMessage(eq("127.0.0.1:10921"), header.capture(), anyLong(), any(), any());
        assertEquals(PullSysFlag.FLAG_SUSPEND, header.getValue().getSysFlag().intValue());
    }

    @Test
    void eachQueueIsPulledFromTheNodeItsLastResponseSuggested() throws Exception {
        SubscribeRouteSource factory = mock(SubscribeRouteSource.class);
        MQClientAPIImpl api = mock(MQClientAPIImpl.class);
        when(factory.findBrokerAddressInSubscribe(eq("broker-a"), anyLong(), eq(false)))
            .thenReturn(new FindBrokerResult("127.0.0.1:10911", false));
        PullAPIWrapper wrapper = new PullAPIWrapper(factory, api, "cg", false);
        MessageQueue other = new MessageQueue("TopicTest", "broker-a", 0);
        assertEquals(0, wrapper.recalculatePullFromWhichNode(MQ), "master until a broker suggests otherwise");
        wrapper.processPullResult(MQ, new PullResultExt(PullStatus.NO_NEW_MSG, 5, 0, 5, null, 1, null), null);
        assertEquals(1, wrapper.recalculatePullFromWhichNode(MQ));
        assertEquals(0, wrapper.recalculatePullFromWhichNode(other), "the table is per queue");
        wrapper.pullKernelImpl(MQ, "*", "TAG", 0L, 5L, 32, 0, 0L, 15000, 30000, CommunicationMode.ASYNC, null);
        verify(factory).findBrokerAddressInSubscribe("broker-a", 1L, false);
        wrapper.processPullResult(MQ, new PullResultExt(PullStatus.OFFSET_ILLEGAL, 5, 0, 5, null, 0, null), null);
        assertEquals(0, wrapper.recalculatePullFromWhichNode(MQ), "a caught-up consumer goes back to the master");
        wrapper.setConnectBrokerByUser(true);
        wrapper.setDefaultBrokerId(2);
        assertEquals(2, wrapper.recalculatePullFromWhichNode(MQ), "a pull consumer's own choice wins");
    }

    @Test
    void filterHooksSeeTheMessagesLeftAfterTagFiltering() {
        PullAPIWrapper wrapper = new PullAPIWrapper(mock(SubscribeRouteSource.class), mock(MQClientAPIImpl.class),
            "cg", true);
        List<String> seen = new ArrayList<>();
        ArrayList<FilterMessageHook> hooks = new ArrayList<>();
        wrapper.registerFilterMessageHook(hooks);
        hooks.add(new FilterMessageHook() {
            @Override
            public String hookName() {
                return "recorder";
            }

            @Override
            public void filterMessage(FilterMessageContext context) {
                context.getMsgList().forEach(m -> seen.add(m.getTags() + "@" + m.getQueueOffset()));
                seen.add("unitMode=" + context.isUnitMode());
            }
        });
        PullResultExt raw = new PullResultExt(PullStatus.FOUND, 13, 2, 20, null, 1,
            storedRecords("TagA", "TagB", "TagC"));
        wrapper.processPullResult(MQ, raw, FilterAPI.buildSubscriptionData("TopicTest", "TagA || TagC"));
        assertEquals(List.of("TagA@10", "TagC@12", "unitMode=true"), seen);
    }
}
