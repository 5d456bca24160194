package org.cometmq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.body.ProcessQueueInfo;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.Test;

class ProcessQueueTest {

    static MessageExt msg(long queueOffset, int bodyLength) {
        MessageExt msg = new MessageExt();
        msg.setTopic("T");
        msg.setQueueOffset(queueOffset);
        msg.setBody(new byte[bodyLength]);
        return msg;
    }

    static List<MessageExt> range(long from, long toExclusive) {
        List<MessageExt> msgs = new ArrayList<>();
        for (long o = from; o < toExclusive; o++) {
            msgs.add(msg(o, 10));
        }
        return msgs;
    }

    @Test
    void commitOffsetIsTheSmallestOffsetStillHeld() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> msgs = range(100, 110);
        pq.putMessage(msgs);
        assertEquals(10, pq.getMsgCount().get());
        assertEquals(100, pq.getMsgSize().get());

        // 101..104 done while 100 is still in a listener: offset stays at 100.
        assertEquals(100, pq.removeMessage(msgs.subList(1, 5)));
        assertEquals(6, pq.getMsgCount().get());
        assertEquals(60, pq.getMsgSize().get());
        // 100 done: the next held offset is 105.
        assertEquals(105, pq.removeMessage(msgs.subList(0, 1)));
        // Everything done: one past the largest offset ever added.
        assertEquals(110, pq.removeMessage(msgs.subList(5, 10)));
        assertEquals(0, pq.getMsgCount().get());
        assertEquals(0, pq.getMsgSize().get());
        // Nothing held at all: -1, the caller must not commit.
        assertEquals(-1, pq.removeMessage(msgs.subList(0, 1)));
    }

    @Test
    void duplicateOffsetsAreCountedOnce() {
        ProcessQueue pq = new ProcessQueue();
        pq.putMessage(range(0, 5));
        pq.putMessage(range(3, 8));
        assertEquals(8, pq.getMsgCount().get());
        assertEquals(80, pq.getMsgSize().get());
    }

    @Test
    void spanIsDistanceBetweenFirstAndLastHeld() {
        ProcessQueue pq = new ProcessQueue();
        assertEquals(0, pq.getMaxSpan());
        List<MessageExt> msgs = range(10, 20);
        pq.putMessage(msgs);
        assertEquals(9, pq.getMaxSpan());
        pq.removeMessage(msgs.subList(0, 3));
        assertEquals(6, pq.getMaxSpan());
        pq.removeMessage(msgs.subList(9, 10));
        assertEquals(5, pq.getMaxSpan());
    }

    @Test
    void putMessageAsksForDispatchOnlyWhenNoConsumeIsRunning() {
        ProcessQueue pq = new ProcessQueue();
        assertTrue(pq.putMessage(range(0, 2)));
        assertFalse(pq.putMessage(range(2, 4)));
        assertEquals(4, pq.takeMessages(10).size());
        assertEquals(0, pq.takeMessages(10).size());
        assertFalse(pq.isConsuming());
        assertTrue(pq.putMessage(range(4, 5)));
    }

    @Test
    void orderlyTakeCommitAndRollback() {
        ProcessQueue pq = new ProcessQueue();
        pq.putMessage(range(0, 5));
        List<MessageExt> first = pq.takeMessages(2);
        assertEquals(List.of(0L, 1L), offsets(first));
        assertEquals(2, pq.commit());
        assertEquals(3, pq.getMsgCount().get());

        List<MessageExt> second = pq.takeMessages(2);
        assertEquals(List.of(2L, 3L), offsets(second));
        pq.makeMessageToConsumeAgain(second);
        assertEquals(List.of(2L, 3L), offsets(pq.takeMessages(2)));
        pq.rollback();
        assertEquals(List.of(2L, 3L, 4L), offsets(pq.takeMessages(10)));
        assertEquals(5, pq.commit());
        assertEquals(-1, pq.commit());
        assertEquals(0, pq.getMsgCount().get());
        assertEquals(0, pq.getMsgSize().get());
    }

    @Test
    void accumulationComesFromTheLastMessagesMaxOffset() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> msgs = range(0, 3);
        MessageAccessor.putProperty(msgs.get(2), MessageConst.PROPERTY_MAX_OFFSET, "50");
        pq.putMessage(msgs);
        assertEquals(48, pq.getMsgAccCnt());
    }

    @Test
    void stuckFirstMessageIsFoundAndRemovedOnlyWhileFirst() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> msgs = range(0, 3);
        MessageAccessor.setConsumeStartTimeStamp(msgs.get(0), "1000");
        pq.putMessage(msgs);
        assertNull(pq.firstMessageStartedBefore(1000));
        MessageExt stuck = pq.firstMessageStartedBefore(1001);
        assertSame(msgs.get(0), stuck);
        assertFalse(pq.removeIfFirst(msgs.get(1)));
        assertTrue(pq.removeIfFirst(stuck));
        assertEquals(2, pq.getMsgCount().get());
        assertNull(pq.firstMessageStartedBefore(Long.MAX_VALUE));
    }

    @Test
    void lockExpiresAfterMaxLiveTime() {
        ManualClock clock = new ManualClock(1_000_000L);
        ProcessQueue pq = new ProcessQueue(clock);
        assertFalse(pq.isLockExpired());
        clock.advance(ProcessQueue.REBALANCE_LOCK_MAX_LIVE_TIME);
        assertFalse(pq.isLockExpired());
        clock.advance(1);
        assertTrue(pq.isLockExpired());
        pq.setLastLockTimestamp(clock.millis());
        assertFalse(pq.isLockExpired());
    }

    @Test
    void pullExpiresAfterTwoIdleMinutes() {
        ManualClock clock = new ManualClock(1_000_000L);
        ProcessQueue pq = new ProcessQueue(clock);
        clock.advance(120_000);
        assertFalse(pq.isPullExpired());
        clock.advance(1);
        assertTrue(pq.isPullExpired());
        pq.setLastPullTimestamp(clock.millis());
        assertFalse(pq.isPullExpired());
    }

    @Test
    void runningInfoReportsTheHeldRange() {
        ProcessQueue pq = new ProcessQueue();
        pq.putMessage(range(7, 12));
        pq.takeMessages(2);
        pq.setLocked(true);
        ProcessQueueInfo info = new ProcessQueueInfo();
        pq.fillProcessQueueInfo(info);
        assertEquals(9, info.getCachedMsgMinOffset());
        assertEquals(11, info.getCachedMsgMaxOffset());
        assertEquals(3, info.getCachedMsgCount());
        assertEquals(7, info.getTransactionMsgMinOffset());
        assertEquals(8, info.getTransactionMsgMaxOffset());
        assertEquals(2, info.getTransactionMsgCount());
        assertTrue(info.isLocked());
        assertFalse(info.isDroped());
    }

    private static List<Long> offsets(List<MessageExt> msgs) {
        List<Long> result = new ArrayList<>();
        for (MessageExt m : msgs) {
            result.add(m.getQueueOffset());
        }
        return result;
    }
}
