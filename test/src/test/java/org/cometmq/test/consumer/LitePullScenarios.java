package org.cometmq.test.consumer;

import static org.cometmq.test.consumer.ConsumerFixture.body;
import static org.cometmq.test.consumer.ConsumerFixture.group;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.rocketmq.common.message.Message;
import org.cometmq.client.consumer.DefaultLitePullConsumer;
import org.cometmq.client.consumer.DefaultMQPullConsumer;
import org.cometmq.client.consumer.MQPullConsumer;
import org.cometmq.client.consumer.MQPullConsumerScheduleService;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.Test;

/** CometMQ's lite pull consumer (subscribe and assign modes), legacy pull consumer and its schedule service. */
interface LitePullScenarios {
    long DEADLINE_MILLIS = 30_000;

    ConsumerFixture fixture();

    private DefaultLitePullConsumer liteConsumer(String group) {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group);
        fixture().configure(consumer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setBrokerSuspendMaxTimeMillis(2_000);
        // A broker answers an expired hold at its next 5 s check, so up to 2 + 5 s after the pull: wait longer.
        consumer.setConsumerTimeoutMillisWhenSuspend(10_000);
        consumer.setPollTimeoutMillis(500);
        return consumer;
    }

    /** Polls until {@code expected} messages arrived or the deadline passes. */
    private static List<MessageExt> pollAtLeast(DefaultLitePullConsumer consumer, int expected) {
        List<MessageExt> all = new ArrayList<>();
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (all.size() < expected && System.currentTimeMillis() < deadline) {
            all.addAll(consumer.poll());
        }
        return all;
    }

    private static Set<String> bodies(List<MessageExt> msgs) {
        Set<String> result = new TreeSet<>();
        msgs.forEach(m -> result.add(body(m)));
        return result;
    }

    @Test
    default void subscribeModePollsEveryMessageAndCommits() throws Exception {
        String topic = fixture().createTopic("LiteSub");
        List<String> sent = fixture().send(topic, "TagA", "lite", 60);
        DefaultLitePullConsumer consumer = liteConsumer(group("lite_sub"));
        consumer.subscribe(topic, "*");
        consumer.setAutoCommit(false);
        consumer.start();
        try {
            List<MessageExt> got = pollAtLeast(consumer, 60);
            assertEquals(60, got.size());
            assertEquals(new TreeSet<>(sent), bodies(got));
            consumer.commitSync();
            long committed = 0;
            for (MessageQueue mq : consumer.fetchMessageQueues(topic)) {
                long expectedEnd = countIn(got, mq.getQueueId());
                long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
                while (consumer.committed(mq) != expectedEnd && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(expectedEnd, consumer.committed(mq), "committed offset of " + mq);
                committed += consumer.committed(mq);
            }
            assertEquals(60, committed);
        } finally {
            consumer.shutdown();
        }
    }

    private static long countIn(List<MessageExt> msgs, int queueId) {
        return msgs.stream().filter(m -> m.getQueueId() == queueId).count();
    }

    @Test
    default void assignModeSeeksWithinAQueue() throws Exception {
        String topic = fixture().createTopic("LiteAssign");
        for (int i = 0; i < 10; i++) {
            fixture().sendToQueue(topic, 2, new Message(topic, "TagA", ("seek-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        MessageQueue mq = new MessageQueue(topic, fixture().brokerName(), 2);
        DefaultLitePullConsumer consumer = liteConsumer(group("lite_assign"));
        consumer.start();
        try {
            consumer.assign(List.of(mq));
            consumer.seek(mq, 6);
            List<MessageExt> fromSix = pollAtLeast(consumer, 4);
            assertEquals(List.of(6L, 7L, 8L, 9L), fromSix.stream().map(MessageExt::getQueueOffset).toList());
            assertEquals("seek-6", body(fromSix.get(0)));

            consumer.seekToBegin(mq);
            List<MessageExt> fromStart = pollAtLeast(consumer, 10);
            assertEquals(10, fromStart.size());
            assertEquals(0L, fromStart.get(0).getQueueOffset());
            assertEquals("seek-9", body(fromStart.get(9)));

            consumer.seekToEnd(mq);
            assertTrue(consumer.poll(1500).isEmpty(), "nothing after the end");
            MQClientException e = assertThrows(MQClientException.class, () -> consumer.seek(mq, 11));
            assertEquals("Seek offset 11 of " + mq + " is illegal: it must be in [0, 10]", e.getErrorMessage());
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    default void pausedQueueIsNotFetchedUntilResumed() throws Exception {
        String topic = fixture().createTopic("LitePause");
        MessageQueue mq = new MessageQueue(topic, fixture().brokerName(), 0);
        DefaultLitePullConsumer consumer = liteConsumer(group("lite_pause"));
        consumer.start();
        try {
            consumer.assign(List.of(mq));
            consumer.pause(List.of(mq));
            // A pull issued before the pause is held by the broker (2 s, answered at its next 5 s check) and would
            // deliver a message arriving meanwhile, in 4.9.7 too: send only once such a pull has been answered.
            Thread.sleep(8_000);
            fixture().sendToQueue(topic, 0, new Message(topic, "TagA", "paused".getBytes(StandardCharsets.UTF_8)));
            assertTrue(consumer.poll(2000).isEmpty(), "a paused queue delivers nothing");
            consumer.resume(List.of(mq));
            List<MessageExt> got = pollAtLeast(consumer, 1);
            assertEquals(List.of("paused"), got.stream().map(ConsumerFixture::body).toList());
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    default void legacyPullConsumerPullsAndKeepsOffsets() throws Exception {
        String topic = fixture().createTopic("LegacyPull");
        for (int i = 0; i < 5; i++) {
            String tag = i % 2 == 0 ? "even" : "odd";
            fixture().sendToQueue(topic, 3, new Message(topic, tag, ("p-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(group("legacy_pull"));
        fixture().configure(consumer);
        consumer.setBrokerSuspendMaxTimeMillis(2_000);
        // A broker answers an expired hold at its next 5 s check, so up to 2 + 5 s after the pull: wait longer.
        consumer.setConsumerTimeoutMillisWhenSuspend(10_000);
        consumer.start();
        try {
            MessageQueue mq = new MessageQueue(topic, fixture().brokerName(), 3);
            assertEquals(4, consumer.fetchSubscribeMessageQueues(topic).size());
            assertEquals(5, consumer.maxOffset(mq));
            assertEquals(0, consumer.minOffset(mq));
            PullResult even = consumer.pull(mq, "even", 0, 32);
            assertEquals(PullStatus.FOUND, even.getPullStatus());
            assertEquals(List.of("p-0", "p-2", "p-4"),
                even.getMsgFoundList().stream().map(ConsumerFixture::body).toList());
            assertEquals(5, even.getNextBeginOffset());
            PullResult none = consumer.pull(mq, "*", 5, 32);
            assertEquals(PullStatus.NO_NEW_MSG, none.getPullStatus());
            long begin = System.currentTimeMillis();
            PullResult held = consumer.pullBlockIfNotFound(mq, "*", 5, 32);
            assertEquals(PullStatus.NO_NEW_MSG, held.getPullStatus());
            assertTrue(System.currentTimeMillis() - begin >= 1_000, "the broker held the pull");
            PullResult illegal = consumer.pull(mq, "*", 99, 32);
            assertEquals(PullStatus.OFFSET_ILLEGAL, illegal.getPullStatus());
            assertEquals(5, illegal.getNextBeginOffset());

            consumer.updateConsumeOffset(mq, 3);
            assertEquals(3, consumer.fetchConsumeOffset(mq, false));
            consumer.getOffsetStore().updateConsumeOffsetToBroker(mq, 3, false);
            assertEquals(3, consumer.fetchConsumeOffset(mq, true));
            MessageExt viewed = consumer.viewMessage(offsetMsgId(even.getMsgFoundList().get(1)));
            assertEquals("p-2", body(viewed));
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    default void scheduleServiceRunsTheCallbackForEveryAssignedQueue() throws Exception {
        String topic = fixture().createTopic("ScheduledPull");
        Set<String> sent = new TreeSet<>(fixture().send(topic, "TagA", "sched", 12));
        Set<String> received = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Set<Integer> queuesRun = java.util.concurrent.ConcurrentHashMap.newKeySet();
        MQPullConsumerScheduleService service = new MQPullConsumerScheduleService(group("scheduled_pull"));
        fixture().configure(service.getDefaultMQPullConsumer());
        service.setPullThreadNums(2);
        service.registerPullTaskCallback(topic, (mq, context) -> {
            queuesRun.add(mq.getQueueId());
            MQPullConsumer consumer = context.getPullConsumer();
            try {
                long offset = Math.max(0, consumer.fetchConsumeOffset(mq, false));
                PullResult result = consumer.pull(mq, "*", offset, 32);
                if (result.getPullStatus() == PullStatus.FOUND) {
                    result.getMsgFoundList().forEach(m -> received.add(body(m)));
                }
                consumer.updateConsumeOffset(mq, result.getNextBeginOffset());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            context.setPullNextDelayTimeMillis(100);
        });
        service.start();
        try {
            long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
            while (!received.containsAll(sent) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(sent, new TreeSet<>(received));
            assertEquals(Set.of(0, 1, 2, 3), queuesRun);
            assertPullGroupTracked(topic, service.getDefaultMQPullConsumer().getConsumerGroup());
        } finally {
            service.shutdown();
        }
    }

    @Test
    default void assignFilterAndExplicitCommitsWork() throws Exception {
        String topic = fixture().createTopic("AssignFilter");
        for (int i = 0; i < 4; i++) {
            String tag = i % 2 == 0 ? "even" : "odd";
            fixture().sendToQueue(topic, 0, new Message(topic, tag, ("f-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        MessageQueue q0 = new MessageQueue(topic, fixture().brokerName(), 0);
        DefaultLitePullConsumer consumer = liteConsumer(group("assign_filter"));
        consumer.setAutoCommit(false);
        consumer.setSubExpressionForAssign(topic, "even");
        consumer.assign(List.of(q0));
        consumer.start();
        try {
            assertEquals(Set.of(q0), consumer.assignment());
            List<MessageExt> polled = pollAtLeast(consumer, 2);
            assertEquals(Set.of("f-0", "f-2"), bodies(polled));
            // committing with persist sends the offset oneway, as 4.9.7 does, and committed() asks the broker, so
            // the answer may come before the broker has applied the update
            consumer.commitSync(java.util.Map.of(q0, 1L), true);
            org.cometmq.testkit.Await.until("offset 1 committed for " + q0, java.time.Duration.ofSeconds(10),
                () -> consumer.committed(q0), offset -> offset == 1L);
            consumer.commit(Set.of(q0), true);
            org.cometmq.testkit.Await.until("the offset after the last polled message, f-2 at 2",
                java.time.Duration.ofSeconds(10), () -> consumer.committed(q0), offset -> offset == 3L);
        } finally {
            consumer.shutdown();
        }

        DefaultMQPullConsumer puller = new DefaultMQPullConsumer(group("selector_pull"));
        fixture().configure(puller);
        puller.start();
        try {
            java.util.concurrent.CompletableFuture<PullResult> async = new java.util.concurrent.CompletableFuture<>();
            puller.pull(q0, org.cometmq.client.consumer.MessageSelector.byTag("odd"), 0, 32,
                new org.cometmq.client.consumer.PullCallback() {
                    @Override
                    public void onSuccess(PullResult pullResult) {
                        async.complete(pullResult);
                    }

                    @Override
                    public void onException(Throwable e) {
                        async.completeExceptionally(e);
                    }
                });
            PullResult odd = async.get(DEADLINE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            assertEquals(List.of("f-1", "f-3"), odd.getMsgFoundList().stream().map(ConsumerFixture::body).toList());
            puller.updateConsumeOffset(q0, 2);
            puller.persist(q0);
            // persist sends the offset oneway, as 4.9.7 does, so the broker may answer a query sent right after it
            // before it has applied the update
            org.cometmq.testkit.Await.until("offset 2 stored for " + q0, java.time.Duration.ofSeconds(10),
                () -> puller.fetchConsumeOffset(q0, true), offset -> offset == 2);
        } finally {
            puller.shutdown();
        }
    }

    /** messageTrackDetail names a pull consumer group of the topic as PULL (its progress is its own business). */
    private void assertPullGroupTracked(String topic, String group) throws Exception {
        org.cometmq.tools.admin.DefaultMQAdminExt admin = new org.cometmq.tools.admin.DefaultMQAdminExt();
        fixture().configure(admin);
        admin.start();
        try {
            MessageExt msg = new MessageExt();
            msg.setTopic(topic);
            java.util.List<org.cometmq.tools.admin.api.MessageTrack> tracks = admin.messageTrackDetail(msg);
            long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
            while (tracks.stream().noneMatch(t -> t.getConsumerGroup().equals(group))
                && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                tracks = admin.messageTrackDetail(msg);
            }
            org.cometmq.tools.admin.api.MessageTrack track = tracks.stream()
                .filter(t -> t.getConsumerGroup().equals(group)).findFirst().orElseThrow();
            assertEquals(org.cometmq.tools.admin.api.TrackType.PULL, track.getTrackType(), track.toString());
        } finally {
            admin.shutdown();
        }
    }

    private static String offsetMsgId(MessageExt msg) {
        return msg instanceof org.cometmq.common.message.MessageClientExt ext ? ext.getOffsetMsgId() : msg.getMsgId();
    }
}
