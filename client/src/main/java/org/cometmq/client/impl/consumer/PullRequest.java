package org.cometmq.client.impl.consumer;

import java.util.Objects;
import org.cometmq.common.message.MessageQueue;

/**
 * The standing pull of a push consumer for one queue: where to pull next and the process queue the messages go
 * to. One instance circulates between {@link PullMessageService} and the pull callback for as long as the
 * consumer owns the queue.
 */
public class PullRequest {
    private String consumerGroup;
    private MessageQueue messageQueue;
    private ProcessQueue processQueue;
    private volatile long nextOffset;
    /** Orderly: set once the first pull after taking the broker lock has re-read the committed offset. */
    private boolean previouslyLocked = false;

    public PullRequest() {
    }

    public PullRequest(String consumerGroup, MessageQueue messageQueue, ProcessQueue processQueue, long nextOffset) {
        this.consumerGroup = consumerGroup;
        this.messageQueue = messageQueue;
        this.processQueue = processQueue;
        this.nextOffset = nextOffset;
    }

    public boolean isPreviouslyLocked() {
        return previouslyLocked;
    }

    public void setPreviouslyLocked(boolean previouslyLocked) {
        this.previouslyLocked = previouslyLocked;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public MessageQueue getMessageQueue() {
        return messageQueue;
    }

    public void setMessageQueue(MessageQueue messageQueue) {
        this.messageQueue = messageQueue;
    }

    public long getNextOffset() {
        return nextOffset;
    }

    public void setNextOffset(long nextOffset) {
        this.nextOffset = nextOffset;
    }

    public ProcessQueue getProcessQueue() {
        return processQueue;
    }

    public void setProcessQueue(ProcessQueue processQueue) {
        this.processQueue = processQueue;
    }

    @Override
    public int hashCode() {
        return Objects.hash(consumerGroup, messageQueue);
    }

    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof PullRequest)) {
            return false;
        }
        PullRequest other = (PullRequest) obj;
        return Objects.equals(consumerGroup, other.consumerGroup) && Objects.equals(messageQueue, other.messageQueue);
    }

    @Override
    public String toString() {
        return "PullRequest [consumerGroup=" + consumerGroup + ", messageQueue=" + messageQueue + ", nextOffset="
            + nextOffset + "]";
    }
}
