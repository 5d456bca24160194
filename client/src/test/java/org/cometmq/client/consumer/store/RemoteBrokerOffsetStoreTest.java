package org.cometmq.client.consumer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.impl.FindBrokerResult;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.cometmq.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteBrokerOffsetStoreTest {
    private static final String ADDR = "127.0.0.1:10911";
    private static final MessageQueue Q0 = new MessageQueue("TopicTest", "broker-a", 0);
    private static final MessageQueue Q1 = new MessageQueue("TopicTest", "broker-a", 1);

    private MQClientInstance factory;
    private MQClientAPIImpl api;
    private RemoteBrokerOffsetStore store;
    private final List<String> onewayCommits = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        factory = mock(MQClientInstance.class);
        api = mock(MQClientAPIImpl.class);
        when(factory.getMQClientAPIImpl()).thenReturn(api);
        when(factory.findBrokerAddressInSubscribe("broker-a", MixAll.MASTER_ID, true))
            .thenReturn(new FindBrokerResult(ADDR, false));
        doAnswer(inv -> {
            UpdateConsumerOffsetRequestHeader h = inv.getArgument(1);
            onewayCommits.add(h.getConsumerGroup() + " " + h.getTopic() + " " + h.getQueueId() + "@"
                + h.getCommitOffset() + " " + h.getBname());
            return null;
        }).when(api).updateConsumerOffsetOneway(eq(ADDR), any(), anyLong());
        store = new RemoteBrokerOffsetStore(factory, "cg");
    }

    @Test
    void readFromStoreAsksTheBrokerAndCachesTheAnswer() throws Exception {
        when(api.queryConsumerOffset(eq(ADDR), any(QueryConsumerOffsetRequestHeader.class), anyLong()))
            .thenReturn(42L);
        assertEquals(42, store.readOffset(Q0, ReadOffsetType.READ_FROM_STORE));
        assertEquals(42, store.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY));
    }

    @Test
    void brokerWithoutOffsetMeansMinusOneAndUnreachableMeansMinusTwo() throws Exception {
        when(api.queryConsumerOffset(eq(ADDR), any(), anyLong()))
            .thenThrow(new MQBrokerException(ResponseCode.QUERY_NOT_FOUND, "Not found"))
            .thenThrow(new RemotingConnectException(ADDR));
        assertEquals(-1, store.readOffset(Q0, ReadOffsetType.MEMORY_FIRST_THEN_STORE));
        assertEquals(-2, store.readOffset(Q0, ReadOffsetType.READ_FROM_STORE));
        assertEquals(-1, store.readOffset(Q1, ReadOffsetType.READ_FROM_MEMORY));
    }

    @Test
    void withoutAMasterOffsetsGoToAnyNodeOfTheBrokerAsApacheDoes() throws Exception {
        String slave = "127.0.0.1:10921";
        MessageQueue queue = new MessageQueue("TopicTest", "broker-b", 0);
        when(factory.findBrokerAddressInSubscribe("broker-b", MixAll.MASTER_ID, false))
            .thenReturn(new FindBrokerResult(slave, true));
        when(api.queryConsumerOffset(eq(slave), any(QueryConsumerOffsetRequestHeader.class), anyLong()))
            .thenReturn(7L);
        assertEquals(7, store.readOffset(queue, ReadOffsetType.READ_FROM_STORE));
        store.updateConsumeOffsetToBroker(queue, 9, false);
        verify(factory, times(2)).updateTopicRouteInfoFromNameServer("TopicTest");
        verify(api).updateConsumerOffset(eq(slave), any(UpdateConsumerOffsetRequestHeader.class), anyLong());
    }

    @Test
    void persistAllCommitsOwnedQueuesOnewayAndForgetsOthers() {
        store.updateOffset(Q0, 10, false);
        store.updateOffset(Q1, 20, false);
        store.persistAll(Set.of(Q0));
        assertEquals(List.of("cg TopicTest 0@10 broker-a"), onewayCommits);
        assertEquals(Map.of(Q0, 10L), store.cloneOffsetTable("TopicTest"));
    }

    @Test
    void persistOfOneQueueAndRemoval() {
        store.updateOffset(Q1, 5, true);
        store.updateOffset(Q1, 3, true);
        store.persist(Q1);
        store.removeOffset(Q1);
        store.persist(Q1);
        assertEquals(List.of("cg TopicTest 1@5 broker-a"), onewayCommits);
        assertEquals(-1, store.readOffset(Q1, ReadOffsetType.READ_FROM_MEMORY));
    }

    @Test
    void unknownBrokerRefreshesTheRouteAndDoesNotSend() throws Exception {
        MessageQueue elsewhere = new MessageQueue("TopicTest", "broker-x", 0);
        store.updateOffset(elsewhere, 1, false);
        store.persistAll(Set.of(elsewhere));
        verify(factory).updateTopicRouteInfoFromNameServer("TopicTest");
        verify(api, never()).updateConsumerOffsetOneway(any(), any(), anyLong());
    }

    @Test
    void synchronousCommit() throws Exception {
        store.updateConsumeOffsetToBroker(Q0, 99, false);
        verify(api).updateConsumerOffset(eq(ADDR), any(UpdateConsumerOffsetRequestHeader.class), eq(5000L));
    }
}
