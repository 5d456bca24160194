package org.cometmq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.cometmq.client.impl.FindBrokerResult;
import org.cometmq.client.impl.MQAdminImpl;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.MixAll;
import org.cometmq.common.filter.FilterAPI;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.LockBatchRequestBody;
import org.cometmq.common.protocol.body.UnlockBatchRequestBody;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An orderly push consumer adds a queue only once its broker lock is granted, and unlocks what it gives up. */
class OrderlyRebalanceLockTest {
    private static final String TOPIC = "TopicTest";

    private final RecordingOffsetStore offsetStore = new RecordingOffsetStore();
    private final Set<Integer> grantable = new HashSet<>();
    private final List<String> lockCalls = new ArrayList<>();
    private final List<String> unlockCalls = new ArrayList<>();
    private RebalancePushImpl rebalance;
    private List<String> clientIds;

    @BeforeEach
    void setUp() throws Exception {
        MQClientInstance factory = mock(MQClientInstance.class);
        MQClientAPIImpl api = mock(MQClientAPIImpl.class);
        MQAdminImpl admin = mock(MQAdminImpl.class);
        when(factory.getClientId()).thenReturn("c1");
        when(factory.getClock()).thenReturn(Clock.systemUTC());
        when(factory.getMQClientAPIImpl()).thenReturn(api);
        when(factory.getMQAdminImpl()).thenReturn(admin);
        when(factory.findBrokerAddressInSubscribe(eq("broker-a"), eq(MixAll.MASTER_ID), eq(true)))
            .thenReturn(new FindBrokerResult("127.0.0.1:10911", false));
        when(factory.findConsumerIdList(anyString(), anyString())).thenAnswer(inv -> clientIds);
        when(admin.maxOffset(any())).thenReturn(0L);
        when(api.lockBatchMQ(eq("127.0.0.1:10911"), any(), anyLong())).thenAnswer(inv -> {
            LockBatchRequestBody body = inv.getArgument(1);
            Set<MessageQueue> granted = new HashSet<>();
            for (MessageQueue mq : body.getMqSet()) {
                lockCalls.add(body.getClientId() + ":" + mq.getQueueId());
                if (grantable.contains(mq.getQueueId())) {
                    granted.add(mq);
                }
            }
            return granted;
        });
        doAnswer(inv -> {
            UnlockBatchRequestBody body = inv.getArgument(1);
            body.getMqSet().forEach(mq -> unlockCalls.add(mq.getQueueId() + (inv.getArgument(3) ? " oneway" : "")));
            return null;
        }).when(api).unlockBatchMQ(anyString(), any(), anyLong(), anyBoolean());
        PushConsumerState state = new PushConsumerState();
        state.setConsumeOrderly(true);
        rebalance = new RebalancePushImpl(new DefaultMQPushConsumer("cg"), state);
        rebalance.setOffsetStore(offsetStore);
        rebalance.setPullScheduler(mock(PullScheduler.class));
        rebalance.setConsumerGroup("cg");
        rebalance.setMessageModel(MessageModel.CLUSTERING);
        rebalance.setAllocateMessageQueueStrategy(new AllocateMessageQueueAveragely());
        rebalance.setmQClientFactory(factory);
        rebalance.getSubscriptionInner().put(TOPIC, FilterAPI.buildSubscriptionData(TOPIC, "*"));
        Set<MessageQueue> queues = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            queues.add(new MessageQueue(TOPIC, "broker-a", i));
        }
        rebalance.getTopicSubscribeInfoTable().put(TOPIC, queues);
    }

    private Set<Integer> owned() {
        Set<Integer> ids = new TreeSet<>();
        rebalance.getProcessQueueTable().keySet().forEach(q -> ids.add(q.getQueueId()));
        return ids;
    }

    @Test
    void queuesLockedByAnotherClientAreNotTaken() {
        clientIds = List.of("c1");
        grantable.addAll(Set.of(0, 2));
        rebalance.doRebalance(true);
        assertEquals(Set.of(0, 2), owned());
        assertEquals(4, lockCalls.size());
        for (ProcessQueue pq : rebalance.getProcessQueueTable().values()) {
            assertTrue(pq.isLocked());
        }

        // The other client let go of queue 1: the next rebalance takes it.
        grantable.add(1);
        lockCalls.clear();
        rebalance.doRebalance(true);
        assertEquals(Set.of(0, 1, 2), owned());
        assertEquals(List.of("c1:1", "c1:3"), lockCalls.stream().sorted().toList());
    }

    @Test
    void givenUpQueuesAreUnlockedOneway() {
        clientIds = List.of("c1");
        grantable.addAll(Set.of(0, 1, 2, 3));
        rebalance.doRebalance(true);
        clientIds = List.of("c1", "c2");
        rebalance.doRebalance(true);
        assertEquals(Set.of(0, 1), owned());
        assertEquals(List.of("2 oneway", "3 oneway"), unlockCalls.stream().sorted().toList());
    }

    @Test
    void lockAllRenewsHeldQueuesAndMarksRefusedOnesUnlocked() {
        clientIds = List.of("c1");
        grantable.addAll(Set.of(0, 1, 2, 3));
        rebalance.doRebalance(true);
        grantable.remove(3);
        rebalance.lockAll();
        for (MessageQueue mq : rebalance.getProcessQueueTable().keySet()) {
            assertEquals(mq.getQueueId() != 3, rebalance.getProcessQueueTable().get(mq).isLocked(), mq.toString());
        }
        rebalance.unlockAll(false);
        assertEquals(List.of("0", "1", "2", "3"), unlockCalls.stream().sorted().toList());
        rebalance.getProcessQueueTable().values().forEach(pq -> assertFalse(pq.isLocked()));
    }

    @Test
    void queueBusyWithABatchIsReleasedLaterOrTakenBackFresh() throws Exception {
        clientIds = List.of("c1");
        grantable.addAll(Set.of(0, 1, 2, 3));
        rebalance.doRebalance(true);
        MessageQueue q3 = new MessageQueue(TOPIC, "broker-a", 3);
        ProcessQueue busy = rebalance.getProcessQueueTable().get(q3);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread batch = new Thread(() -> {
            busy.getConsumeLock().lock();
            locked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                busy.getConsumeLock().unlock();
            }
        });
        batch.start();
        assertTrue(locked.await(5, TimeUnit.SECONDS));
        try {
            clientIds = List.of("c1", "c2");
            rebalance.doRebalance(true);
            // Queue 3 is dropped but kept (its batch still runs), and not unlocked yet.
            assertTrue(busy.isDropped());
            assertTrue(rebalance.getProcessQueueTable().containsKey(q3));
            assertEquals(List.of("2 oneway"), unlockCalls);
            assertEquals(1, busy.getTryUnlockTimes());
        } finally {
            release.countDown();
            batch.join(5000);
        }
        clientIds = List.of("c1");
        rebalance.doRebalance(true);
        ProcessQueue fresh = rebalance.getProcessQueueTable().get(q3);
        assertFalse(fresh.isDropped());
        assertNotSame(busy, fresh);
        assertEquals(Set.of(0, 1, 2, 3), owned());
    }
}
