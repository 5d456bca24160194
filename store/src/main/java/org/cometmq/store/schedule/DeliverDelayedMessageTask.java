package org.cometmq.store.schedule;

import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.MessageStore;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.queue.ConsumeQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over a delay level's queue: re-puts every entry whose deliver time has come, then schedules the next
 * pass for when the first pending entry is due (entries of one level are in deliver-time order).
 */
final class DeliverDelayedMessageTask implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverDelayedMessageTask.class);

    private final ScheduleMessageService service;
    private final int delayLevel;
    private final long offset;

    DeliverDelayedMessageTask(ScheduleMessageService service, int delayLevel, long offset) {
        this.service = service;
        this.delayLevel = delayLevel;
        this.offset = offset;
    }

    int getDelayLevel() {
        return delayLevel;
    }

    @Override
    public void run() {
        try {
            if (service.isStarted()) {
                executeOnTimeup();
            }
        } catch (RuntimeException e) {
            LOG.error("delivering delay level {} from offset {} failed; retrying in 10 s", delayLevel, offset, e);
            next(offset, ScheduleMessageService.DELAY_FOR_A_PERIOD);
        }
    }

    private void next(long nextOffset, long delayMillis) {
        service.updateOffset(delayLevel, nextOffset);
        service.schedule(new DeliverDelayedMessageTask(service, delayLevel, nextOffset), delayMillis);
    }

    /** Looks again later from the same offset without recording it. */
    private void retry(long sameOffset) {
        service.schedule(new DeliverDelayedMessageTask(service, delayLevel, sameOffset),
            ScheduleMessageService.DELAY_FOR_A_WHILE);
    }

    private void executeOnTimeup() {
        MessageStore store = service.getStore();
        int queueId = ScheduleMessageService.delayLevel2QueueId(delayLevel);
        ConsumeQueue cq = store.getConsumeQueue(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, queueId);
        if (cq == null) {
            // nothing delivered yet: the level gets no offset entry (and no runtime-info key), as in 4.9.7
            retry(offset);
            return;
        }
        SelectMappedBufferResult buffer = cq.getIndexBuffer(offset);
        if (buffer == null) {
            long min = cq.getMinOffsetInQueue();
            long resume = offset < min ? min : offset;
            if (offset < min) {
                LOG.warn("delay level {} offset {} is below the queue minimum {}; resuming there", delayLevel, offset, min);
            }
            if (resume == offset) {
                retry(offset);
            } else {
                next(resume, ScheduleMessageService.DELAY_FOR_A_WHILE);
            }
            return;
        }
        long nextOffset = offset;
        try {
            int size = buffer.getSize();
            for (int i = 0; i + ConsumeQueue.CQ_STORE_UNIT_SIZE <= size; i += ConsumeQueue.CQ_STORE_UNIT_SIZE) {
                long offsetPy = buffer.getByteBuffer().getLong(i);
                int sizePy = buffer.getByteBuffer().getInt(i + 8);
                long tagsCode = buffer.getByteBuffer().getLong(i + 12);
                nextOffset = offset + i / ConsumeQueue.CQ_STORE_UNIT_SIZE;
                long now = store.now();
                long deliverTimestamp = correctDeliverTimestamp(now, tagsCode);
                if (deliverTimestamp > now) {
                    next(nextOffset, deliverTimestamp - now);
                    return;
                }
                if (!deliver(store, offsetPy, sizePy)) {
                    next(nextOffset, ScheduleMessageService.DELAY_FOR_A_PERIOD);
                    return;
                }
            }
            nextOffset = offset + size / ConsumeQueue.CQ_STORE_UNIT_SIZE;
        } finally {
            buffer.release();
        }
        next(nextOffset, ScheduleMessageService.DELAY_FOR_A_WHILE);
    }

    /** A deliver time further away than the level's delay (clock moved back) is treated as now. */
    private long correctDeliverTimestamp(long now, long deliverTimestamp) {
        long maxTimestamp = now + service.getDelayLevelTable().delayMillis(delayLevel);
        return deliverTimestamp > maxTimestamp ? now : deliverTimestamp;
    }

    /** Re-puts one message; true when done (or nothing to do), false to retry later. */
    private boolean deliver(MessageStore store, long offsetPy, int sizePy) {
        MessageExt msgExt = store.lookMessageByOffset(offsetPy, sizePy);
        if (msgExt == null) {
            LOG.warn("parked message at commit-log offset {} is gone; skipped", offsetPy);
            return true;
        }
        MessageExtBrokerInner inner = messageTimeup(msgExt);
        if (TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC.equals(inner.getTopic()) || inner.getTopic() == null) {
            LOG.error("parked message at {} has real topic {}; discarded", offsetPy, inner.getTopic());
            return true;
        }
        PutMessageResult result = store.putMessage(inner);
        if (result != null && result.getPutMessageStatus() == PutMessageStatus.PUT_OK) {
            return true;
        }
        LOG.error("re-putting delayed message (topic {}, commit-log offset {}) failed: {}; retrying in 10 s",
            inner.getTopic(), offsetPy, result);
        return false;
    }

    /**
     * The parked message as it goes to its real topic and queue. The stored properties are the parked ones,
     * DELAY, REAL_TOPIC, REAL_QID and WAIT included, as RocketMQ 4.9 stores them; only the in-memory DELAY is
     * cleared (so the store does not park the message again) and WAIT is off for the re-put itself.
     */
    static MessageExtBrokerInner messageTimeup(MessageExt msgExt) {
        MessageExtBrokerInner inner = new MessageExtBrokerInner();
        inner.setBody(msgExt.getBody());
        inner.setFlag(msgExt.getFlag());
        MessageAccessor.setProperties(inner, msgExt.getProperties());
        inner.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(inner.getTags()));
        inner.setPropertiesString(MessageDecoder.messageProperties2String(msgExt.getProperties()));
        inner.setSysFlag(msgExt.getSysFlag());
        inner.setBornTimestamp(msgExt.getBornTimestamp());
        inner.setBornHost(msgExt.getBornHost());
        inner.setStoreHost(msgExt.getStoreHost());
        inner.setReconsumeTimes(msgExt.getReconsumeTimes());
        inner.setWaitStoreMsgOK(false);
        MessageAccessor.clearProperty(inner, MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        inner.setTopic(inner.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        String queueId = inner.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID);
        inner.setQueueId(queueId == null ? 0 : Integer.parseInt(queueId));
        return inner;
    }
}
