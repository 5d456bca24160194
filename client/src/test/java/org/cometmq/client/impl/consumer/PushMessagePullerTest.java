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
import org.cometmq.common.ServiceState;
import org.cometmq.common.filter.FilterAPI;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.sysflag.PullSysFlag;
import org.cometmq.testkit.ManualClock;
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
    private final PushConsumerState state = new PushConsumerState();
    private final ManualClock clock = new ManualClock(1_000_000L);
    private ClientActions client;
    private RebalanceImpl rebalance;
    private ConsumeMessageService consumeService;
    private PushMessagePuller puller;

    @BeforeEach
    void setUp() throws Exception {
        client = mock(ClientActions.class);
        rebalance = mock(RebalanceImpl.class);
        consumeService = mock(ConsumeMessageService.class);
        PullAPIWrapper wrapper = mock(PullAPIWrapper.class);
        state.setServiceState(ServiceState.RUNNING);
        state.setPullTimeDelayMillsWhenException(3000L);
        ConcurrentHashMap<String, SubscriptionData> subs = new ConcurrentHashMap<>();
        subs.put("TopicTest", FilterAPI.buildSubscriptionData("TopicTest", "*"));
        when(rebalance.getSubscriptionInner()).thenReturn(subs);
        PullScheduler scheduler = new PullScheduler() {
            @Override
            public void executePullRequestImmediately(PullRequest pullRequest) {
                requeued.add("now " + pullRequest.getNextOffset());
            }

            @Override
            public void executePullRequestLater(PullRequest pullRequest, long timeDelay) {
                requeued.add("later " + timeDelay + " " + pullRequest.getNextOffset());
            }

            @Override
            public void executeTaskLater(Runnable task, long timeDelay) {
                tasks.add(task);
            }
        };
        when(wrapper.pullKernelImpl(eq(MQ), any(), anyString(), anyLong(), anyLong(), anyInt(), anyInt(), anyLong(),
            anyLong(), anyLong(), any(), any())).thenAnswer(inv -> {
                sysFlags.add(inv.getArgument(6));
                callbacks.add(inv.getArgument(11));
                return null;
            });
        when(wrapper.processPullResult(any(), any(), any())).thenAnswer(inv -> inv.getArgument(1));
        puller = new PushMessagePuller(config, state, rebalance, offsetStore, wrapper, consumeService,
            new ConsumeStatsRecorder(), scheduler, client, clock);
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
        state.setConsumeOrderly(true);
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
        PullRequest pr = request(0);
        puller.pullMessage(pr);
        puller.pullMessage(pr);
        MQBrokerException notLatest = new MQBrokerException(ResponseCode.SUBSCRIPTION_NOT_LATEST, "not latest");
        callbacks.get(0).onException(notLatest);
        callbacks.get(1).onException(notLatest);
        assertEquals(List.of("later 3000 0", "later 3000 0"), requeued);
        assertEquals(1, tasks.size());
        tasks.get(0).run();
        verify(client).sendHeartbeatToAllBrokerWithLock();
    }
}
