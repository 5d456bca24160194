package org.cometmq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.MQAdminImpl;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.MixAll;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.filter.FilterAPI;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rebalance of a push consumer against a fake client instance: exact queues added and dropped, offsets kept. */
class RebalancePushImplTest {
    private static final String TOPIC = "TopicTest";
    private static final String GROUP = "cg";

    private final RecordingOffsetStore offsetStore = new RecordingOffsetStore();
    private final List<PullRequest> dispatched = new ArrayList<>();
    private final DefaultMQPushConsumer config = new DefaultMQPushConsumer(GROUP);
    private MQClientInstance factory;
    private MQAdminImpl admin;
    private RebalancePushImpl rebalance;
    private List<String> clientIds;

    @BeforeEach
    void setUp() throws Exception {
        factory = mock(MQClientInstance.class);
        admin = mock(MQAdminImpl.class);
        when(factory.getClientId()).thenReturn("c1");
        when(factory.getClock()).thenReturn(Clock.systemUTC());
        when(factory.getMQAdminImpl()).thenReturn(admin);
        when(factory.findConsumerIdList(anyString(), eq(GROUP))).thenAnswer(inv -> clientIds);
        when(admin.maxOffset(any())).thenReturn(500L);
        PushConsumerState state = new PushConsumerState();
        state.setConsumeOrderly(false);
        PullScheduler scheduler = mock(PullScheduler.class);
        doAnswer(inv -> dispatched.add(inv.getArgument(0))).when(scheduler).executePullRequestImmediately(any());
        rebalance = new RebalancePushImpl(config, state);
        rebalance.setOffsetStore(offsetStore);
        rebalance.setPullScheduler(scheduler);
        rebalance.setConsumerGroup(GROUP);
        rebalance.setMessageModel(MessageModel.CLUSTERING);
        rebalance.setAllocateMessageQueueStrategy(new AllocateMessageQueueAveragely());
        rebalance.setmQClientFactory(factory);
        rebalance.getSubscriptionInner().put(TOPIC, FilterAPI.buildSubscriptionData(TOPIC, "*"));
        Set<MessageQueue> queues = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            queues.add(mq(i));
        }
        rebalance.getTopicSubscribeInfoTable().put(TOPIC, queues);
    }

    private static MessageQueue mq(int id) {
        return new MessageQueue(TOPIC, "broker-a", id);
    }

    private Map<Integer, Long> pulls() {
        Map<Integer, Long> result = new TreeMap<>();
        for (PullRequest pr : dispatched) {
            result.put(pr.getMessageQueue().getQueueId(), pr.getNextOffset());
        }
        return result;
    }

    private Set<Integer> owned() {
        Set<Integer> ids = new java.util.TreeSet<>();
        rebalance.getProcessQueueTable().keySet().forEach(q -> ids.add(q.getQueueId()));
        return ids;
    }

    @Test
    void newQueuesStartAtCommittedOffsetElseAtMaxOffset() {
        clientIds = List.of("c1", "c2");
        offsetStore.store.put(mq(0), 40L);
        offsetStore.store.put(mq(2), 7L);
        rebalance.doRebalance(false);
        assertEquals(Set.of(0, 1, 2, 3), owned());
        assertEquals(Map.of(0, 40L, 1, 500L, 2, 7L, 3, 500L), pulls());
        for (PullRequest pr : dispatched) {
            assertEquals(GROUP, pr.getConsumerGroup());
            assertSame(rebalance.getProcessQueueTable().get(pr.getMessageQueue()), pr.getProcessQueue());
        }
    }

    @Test
    void aJoiningClientTakesQueuesWhichArePersistedAndDropped() {
        clientIds = List.of("c1", "c2");
        rebalance.doRebalance(false);
        ProcessQueue keptBefore = rebalance.getProcessQueueTable().get(mq(3));
        Map<MessageQueue, ProcessQueue> before = Map.copyOf(rebalance.getProcessQueueTable());
        offsetStore.updateOffset(mq(0), 11, false);
        offsetStore.updateOffset(mq(1), 12, false);
        offsetStore.updateOffset(mq(2), 13, false);
        offsetStore.events.clear();
        dispatched.clear();

        clientIds = List.of("c0", "c1", "c2");
        rebalance.doRebalance(false);

        // c1 is now index 1 of 3 over 8 queues: queues 3, 4, 5.
        assertEquals(Set.of(3, 4, 5), owned());
        assertEquals(Map.of(4, 500L, 5, 500L), pulls());
        assertSame(keptBefore, rebalance.getProcessQueueTable().get(mq(3)));
        assertFalse(keptBefore.isDropped());
        for (int id = 0; id < 3; id++) {
            assertTrue(before.get(mq(id)).isDropped(), "queue " + id + " dropped");
            assertEquals(11L + id, offsetStore.store.get(mq(id)), "queue " + id + " offset persisted");
        }
        assertEquals(List.of("persist 0@11", "remove 0", "persist 1@12", "remove 1", "persist 2@13", "remove 2"),
            sortedEvents());
    }

    private List<String> sortedEvents() {
        List<String> events = new ArrayList<>(offsetStore.events);
        events.sort((a, b) -> {
            int byQueue = Character.compare(a.split(" ")[1].charAt(0), b.split(" ")[1].charAt(0));
            return byQueue != 0 ? byQueue : a.startsWith("persist") ? -1 : 1;
        });
        return events;
    }

    @Test
    void consumerAbsentFromTheBrokersListOwnsNothing() {
        clientIds = List.of("c1");
        rebalance.doRebalance(false);
        assertEquals(8, owned().size());
        clientIds = List.of("c2", "c3");
        rebalance.doRebalance(false);
        assertEquals(Set.of(), owned());
    }

    @Test
    void unknownIdListChangesNothing() {
        clientIds = List.of("c1");
        rebalance.doRebalance(false);
        clientIds = null;
        rebalance.doRebalance(false);
        assertEquals(8, owned().size());
    }

    @Test
    void broadcastingTakesEveryQueue() {
        rebalance.setMessageModel(MessageModel.BROADCASTING);
        clientIds = List.of("c0", "c1", "c2");
        rebalance.doRebalance(false);
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7), owned());
    }

    @Test
    void queueWithUnknownStartOffsetIsRetriedAtTheNextRebalance() throws Exception {
        clientIds = List.of("c1");
        when(admin.maxOffset(mq(5))).thenThrow(new MQClientException("broker down", null));
        rebalance.doRebalance(false);
        assertEquals(Set.of(0, 1, 2, 3, 4, 6, 7), owned());
        doReturn(9L).when(admin).maxOffset(mq(5));
        dispatched.clear();
        rebalance.doRebalance(false);
        assertEquals(Map.of(5, 9L), pulls());
    }

    @Test
    void consumeFromWhereRules() throws Exception {
        clientIds = List.of("c1");
        MessageQueue retry = new MessageQueue(MixAll.getRetryTopic(GROUP), "broker-a", 0);
        assertEquals(500L, rebalance.computePullFromWhereWithException(mq(0)));
        assertEquals(0L, rebalance.computePullFromWhereWithException(retry));
        config.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        assertEquals(0L, rebalance.computePullFromWhereWithException(mq(0)));
        config.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP);
        config.setConsumeTimestamp("20240102030405");
        when(admin.searchOffset(eq(mq(0)), anyLong())).thenReturn(77L);
        assertEquals(77L, rebalance.computePullFromWhereWithException(mq(0)));
        offsetStore.store.put(mq(0), 3L);
        assertEquals(3L, rebalance.computePullFromWhereWithException(mq(0)));
    }

    @Test
    void unsubscribedTopicQueuesAreDropped() {
        clientIds = List.of("c1");
        rebalance.doRebalance(false);
        ProcessQueue pq = rebalance.getProcessQueueTable().get(mq(0));
        rebalance.getSubscriptionInner().remove(TOPIC);
        rebalance.doRebalance(false);
        assertEquals(Set.of(), owned());
        assertTrue(pq.isDropped());
    }

    @Test
    void readdedQueueGetsAFreshProcessQueue() {
        clientIds = List.of("c1");
        rebalance.doRebalance(false);
        ProcessQueue first = rebalance.getProcessQueueTable().get(mq(7));
        clientIds = List.of("c1", "c2");
        rebalance.doRebalance(false);
        clientIds = List.of("c1");
        rebalance.doRebalance(false);
        assertNotSame(first, rebalance.getProcessQueueTable().get(mq(7)));
        assertTrue(first.isDropped());
    }
}
