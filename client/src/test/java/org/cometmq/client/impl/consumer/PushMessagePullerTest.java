package org.cometmq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.PullCallback;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.filter.FilterAPI;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.sysflag.PullSysFlag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One step of the push consumer's pull loop against a mocked wire: flags, flow control, and each outcome. */
class PushMessagePullerTest {
    private static final MessageQueue MQ = new MessageQueue("TopicTest", "broker-a", 0);

    private final DefaultMQPushConsumer config = new DefaultMQPushConsumer("cg");
    private final RecordingOffsetStore offsetStore = new RecordingOffsetStore();
    private final List<String> requeued = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();
    private final List<PullCallback> callbacks = new ArrayList<>();
    private final List<Integer> sysFlags = new ArrayList<>();
    private DefaultMQPushConsumerImpl impl;
    private RebalanceImpl rebalance;
    private ConsumeMessageService consumeService;
    private PushMessagePuller puller;

    @BeforeEach
    void setUp() throws Exception {
        impl = mock(DefaultMQPushConsumerImpl.class);
        rebalance = mock(RebalanceImpl.class);
        consumeService = mock(ConsumeMessageService.class);
        PullAPIWrapper wrapper = mock(PullAPIWrapper.class);
        when(impl.getDefaultMQPushConsumer()).thenReturn(config);
        when(impl.isRunning()).thenReturn(true);
        when(impl.getOffsetStore()).thenReturn(offsetStore);
        when(impl.getRebalanceImpl()).thenReturn(rebalance);
        when(impl.getPullAPIWrapper()).thenReturn(wrapper);
        when(impl.getConsumeMessageService()).thenReturn(consumeService);
        when(impl.getConsumeStats()).thenReturn(new ConsumeStatsRecorder());
        when(impl.getmQClientFactory()).thenReturn(mock(MQClientInstance.class));
        when(impl.getPullTimeDelayMillsWhenException()).thenReturn(3000L);
        ConcurrentHashMap<String, SubscriptionData> subs = new ConcurrentHashMap<>();
        subs.put("TopicTest", FilterAPI.buildSubscriptionData("TopicTest", "*"));
        when(rebalance.getSubscriptionInner()).thenReturn(subs);
        doAnswer(inv -> requeued.add("now " + ((PullRequest) inv.getArgument(0)).getNextOffset()))
            .when(impl).executePullRequestImmediately(any());
        doAnswer(inv -> requeued.add("later " + inv.getArgument(1) + " " + ((PullRequest) inv.getArgument(0))
            .getNextOffset())).when(impl).executePullRequestLater(any(), anyLong());
        doAnswer(inv -> tasks.add(inv.getArgument(0))).when(impl).executeTaskLater(any(), anyLong());
        when(wrapper.pullKernelImpl(eq(MQ), any(), anyString(), anyLong(), anyLong(), anyInt(), anyInt(), anyLong(),
            anyLong(), anyLong(), any(), any())).thenAnswer(inv -> {
                sysFlags.add(inv.getArgument(6));
                callbacks.add(inv.getArgument(11));
                return null;
            });
        when(wrapper.processPullResult(any(), any(), any())).thenAnswer(inv -> inv.getArgument(1));
        puller = new PushMessagePuller(impl);
    }

    private PullRequest request(long offset) {
        return new PullRequest("cg", MQ, new ProcessQueue(), offset);
    }

    private static PullResultExt result(PullStatus status, long next, List<MessageExt> msgs) {
        PullResultExt r = new PullResultExt(status, next, 0, 100, null, 0, null);
        r.setMsgFoundList(msgs);
        return r;
    }

    @Test
    void firstPullSuspendsAndCommitsOnlyWhenAnOffsetIsKnown() {
        puller.pullMessage(request(5));
        offsetStore.updateOffset(MQ, 4, false);
        puller.pullMessage(request(5));
        assertEquals(List.of(PullSysFlag.FLAG_SUSPEND, PullSysFlag.FLAG_SUSPEND | PullSysFlag.FLAG_COMMIT_OFFSET),
            sysFlags);
    }

    @Test
    void foundMessagesGoToTheProcessQueueAndTheNextPullFollows() {
        PullRequest pr = request(10);
        puller.pullMessage(pr);
        List<MessageExt> msgs = ProcessQueueTest.range(10, 13);
        callbacks.get(0).onSuccess(result(PullStatus.FOUND, 13, msgs));
        assertEquals(3, pr.getProcessQueue().getMsgCount().get());
        verify(consumeService).submitConsumeRequest(eq(msgs), eq(pr.getProcessQueue()), eq(MQ), anyBoolean());
        assertEquals(List.of("now 13"), requeued);
    }

    @Test
    void noNewMessageMovesOnAndCommitsWhenNothingIsCached() {
        PullRequest pr = request(7);
        puller.pullMessage(pr);
        callbacks.get(0).onSuccess(result(PullStatus.NO_MATCHED_MSG, 9, null));
        assertEquals(List.of("now 9"), requeued);
        assertEquals(9L, offsetStore.memory.get(MQ));
    }

    @Test
    void illegalOffsetDropsTheQueueAndPersistsTheBrokersOffset() {
        PullRequest pr = request(500);
        puller.pullMessage(pr);
        callbacks.get(0).onSuccess(result(PullStatus.OFFSET_ILLEGAL, 100, null));
        assertTrue(pr.getProcessQueue().isDropped());
        assertEquals(List.of(), requeued);
        assertEquals(1, tasks.size());
        tasks.get(0).run();
        assertEquals(100L, offsetStore.store.get(MQ));
        verify(rebalance).removeProcessQueue(MQ);
    }

    @Test
    void flowControlDelaysThePullBy50Ms() {
        config.setPullThresholdForQueue(2);
        PullRequest pr = request(0);
        pr.getProcessQueue().putMessage(ProcessQueueTest.range(0, 3));
        puller.pullMessage(pr);
        assertEquals(List.of("later 50 0"), requeued);
        assertTrue(callbacks.isEmpty());
    }

    @Test
    void spanTooWideDelaysConcurrentPulls() {
        config.setConsumeConcurrentlyMaxSpan(5);
        PullRequest pr = request(0);
        pr.getProcessQueue().putMessage(List.of(ProcessQueueTest.msg(0, 1), ProcessQueueTest.msg(9, 1)));
        puller.pullMessage(pr);
        assertEquals(List.of("later 50 0"), requeued);
    }

    @Test
    void pullErrorBacksOffAndDroppedQueueStops() {
        PullRequest pr = request(3);
        puller.pullMessage(pr);
        callbacks.get(0).onException(new RuntimeException("connection reset"));
        assertEquals(List.of("later 3000 3"), requeued);
        pr.getProcessQueue().setDropped(true);
        puller.pullMessage(pr);
        assertEquals(1, callbacks.size());
    }

    @Test
    void orderlyQueueWaitsForItsLockThenRestartsFromTheCommittedOffset() throws Exception {
        when(impl.isConsumeOrderly()).thenReturn(true);
        when(rebalance.computePullFromWhereWithException(MQ)).thenReturn(42L);
        PullRequest pr = request(0);
        puller.pullMessage(pr);
        assertEquals(List.of("later 3000 0"), requeued);
        pr.getProcessQueue().setLocked(true);
        puller.pullMessage(pr);
        assertTrue(pr.isPreviouslyLocked());
        assertEquals(42, pr.getNextOffset());
        assertNotNull(callbacks.get(0));
        verify(consumeService, never()).submitConsumeRequest(any(), any(), any(), anyBoolean());
        assertFalse(pr.getProcessQueue().isDropped());
    }

    @Test
    void outdatedSubscriptionAtTheBrokerTriggersOneHeartbeat() {
        MQClientInstance factory = mock(MQClientInstance.class);
        when(impl.getmQClientFactory()).thenReturn(factory);
        PullRequest pr = request(0);
        puller.pullMessage(pr);
        puller.pullMessage(pr);
        MQBrokerException notLatest = new MQBrokerException(ResponseCode.SUBSCRIPTION_NOT_LATEST, "not latest");
        callbacks.get(0).onException(notLatest);
        callbacks.get(1).onException(notLatest);
        assertEquals(List.of("later 3000 0", "later 3000 0"), requeued);
        assertEquals(1, tasks.size());
        tasks.get(0).run();
        verify(factory).sendHeartbeatToAllBrokerWithLock();
    }
}
