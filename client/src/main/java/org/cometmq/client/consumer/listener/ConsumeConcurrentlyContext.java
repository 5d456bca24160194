package org.cometmq.client.consumer.listener;

import org.cometmq.common.message.MessageQueue;

/** What a concurrent listener may read and adjust for the batch it is handed. */
public class ConsumeConcurrentlyContext {
    private final MessageQueue messageQueue;
    /** 0: the broker picks the delay (3 + reconsumeTimes); -1: straight to the dead letter queue. */
    private int delayLevelWhenNextConsume = 0;
    /** Index of the last message consumed successfully; messages after it are retried. */
    private int ackIndex = Integer.MAX_VALUE;

    public ConsumeConcurrentlyContext(MessageQueue messageQueue) {
        this.messageQueue = messageQueue;
    }

    public int getDelayLevelWhenNextConsume() {
        return delayLevelWhenNextConsume;
    }

    public void setDelayLevelWhenNextConsume(int delayLevelWhenNextConsume) {
        this.delayLevelWhenNextConsume = delayLevelWhenNextConsume;
    }

    public MessageQueue getMessageQueue() {
        return messageQueue;
    }

    public int getAckIndex() {
        return ackIndex;
    }

    public void setAckIndex(int ackIndex) {
        this.ackIndex = ackIndex;
    }
}
