package org.cometmq.client.impl.consumer;

import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cometmq.common.message.MessageQueue;

/**
 * The queues a lite pull consumer currently fetches, each with its process queue and positions: where the next
 * pull starts, what poll has handed out (the offset to commit), a pending seek, and whether it is paused.
 */
public class AssignedMessageQueue {
    private final Map<MessageQueue, MessageQueueState> assignedMessageQueueState = new ConcurrentHashMap<>();
    private RebalanceImpl rebalanceImpl;

    public Set<MessageQueue> messageQueues() {
        return new HashSet<>(assignedMessageQueueState.keySet());
    }

    public boolean isPaused(MessageQueue mq) {
        MessageQueueState state = assignedMessageQueueState.get(mq);
        return state != null && state.paused;
    }

    public void pause(Collection<MessageQueue> mqs) {
        setPaused(mqs, true);
    }

    public void resume(Collection<MessageQueue> mqs) {
        setPaused(mqs, false);
    }

    private void setPaused(Collection<MessageQueue> mqs, boolean paused) {
        for (MessageQueue mq : mqs) {
            MessageQueueState state = assignedMessageQueueState.get(mq);
            if (state != null) {
                state.paused = paused;
            }
        }
    }

    public ProcessQueue getProcessQueue(MessageQueue mq) {
        MessageQueueState state = assignedMessageQueueState.get(mq);
        return state == null ? null : state.processQueue;
    }

    /** -1 when the queue has not been pulled yet (the start offset is still to be resolved). */
    public long getPullOffset(MessageQueue mq) {
        MessageQueueState state = assignedMessageQueueState.get(mq);
        return state == null ? -1 : state.pullOffset;
    }

    /** Moves the pull position, unless the queue was re-assigned (new process queue) meanwhile. */
    public void updatePullOffset(MessageQueue mq, long offset, ProcessQueue processQueue) {
        MessageQueueState state = assignedMessageQueueState.get(mq);
        if (state != null && state.processQueue == processQueue) {
            state.pullOffset = offset;
        }
    }

    /** The next offset to commit for {@code mq}; -1 when nothing was polled from it. */
    public long getConsumerOffset(MessageQueue mq) {
        MessageQueueState state = assignedMessageQueueState.get(mq);
        return state == null ? -1 : state.consumeOffset;
    }

    public void updateConsumeOffset(MessageQueue mq, long offset) {
        MessageQueueState state = assignedMessageQueueState.get(mq);
        if (state != null) {
            state.consumeOffset = offset;
        }
    }

    /** -1 when no seek is pending. */
    public long getSeekOffset(MessageQueue mq) {
        MessageQueueState state = assignedMessageQueueState.get(mq);
        return state == null ? -1 : state.seekOffset;
    }

    public void setSeekOffset(MessageQueue mq, long offset) {
        MessageQueueState state = assignedMessageQueueState.get(mq);
        if (state != null) {
            state.seekOffset = offset;
        }
    }

    /** Subscribe mode: the queues of {@code topic} become exactly {@code assigned}. */
    public synchronized void updateAssignedMessageQueue(String topic, Collection<MessageQueue> assigned) {
        Iterator<Map.Entry<MessageQueue, MessageQueueState>> it = assignedMessageQueueState.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<MessageQueue, MessageQueueState> entry = it.next();
            if (entry.getKey().getTopic().equals(topic) && !assigned.contains(entry.getKey())) {
                entry.getValue().processQueue.setDropped(true);
                it.remove();
            }
        }
        addAssignedMessageQueue(assigned);
    }

    /** Assign mode: the assigned queues become exactly {@code assigned}. */
    public synchronized void updateAssignedMessageQueue(Collection<MessageQueue> assigned) {
        Iterator<Map.Entry<MessageQueue, MessageQueueState>> it = assignedMessageQueueState.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<MessageQueue, MessageQueueState> entry = it.next();
            if (!assigned.contains(entry.getKey())) {
                entry.getValue().processQueue.setDropped(true);
                it.remove();
            }
        }
        addAssignedMessageQueue(assigned);
    }

    private void addAssignedMessageQueue(Collection<MessageQueue> assigned) {
        for (MessageQueue mq : assigned) {
            if (!assignedMessageQueueState.containsKey(mq)) {
                ProcessQueue fromRebalance = rebalanceImpl == null ? null
                    : rebalanceImpl.getProcessQueueTable().get(mq);
                assignedMessageQueueState.put(mq,
                    new MessageQueueState(fromRebalance != null ? fromRebalance : new ProcessQueue()));
            }
        }
    }

    public synchronized void removeAssignedMessageQueue(String topic) {
        Iterator<Map.Entry<MessageQueue, MessageQueueState>> it = assignedMessageQueueState.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<MessageQueue, MessageQueueState> entry = it.next();
            if (entry.getKey().getTopic().equals(topic)) {
                entry.getValue().processQueue.setDropped(true);
                it.remove();
            }
        }
    }

    /** Subscribe mode: queues take the process queue the rebalance created for them. */
    public void setRebalanceImpl(RebalanceImpl rebalanceImpl) {
        this.rebalanceImpl = rebalanceImpl;
    }

    private static final class MessageQueueState {
        private final ProcessQueue processQueue;
        private volatile boolean paused = false;
        private volatile long pullOffset = -1;
        private volatile long consumeOffset = -1;
        private volatile long seekOffset = -1;

        private MessageQueueState(ProcessQueue processQueue) {
            this.processQueue = processQueue;
        }
    }
}
