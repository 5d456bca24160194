package org.cometmq.client.impl.consumer;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.cometmq.common.message.MessageQueue;

/** The running fetch task of each queue a lite pull consumer fetches: started, replaced and cancelled here. */
class LitePullTaskTable {
    private final LitePullParts parts;
    private final Map<MessageQueue, LitePullTask> tasks = new ConcurrentHashMap<>();

    LitePullTaskTable(LitePullParts parts) {
        this.parts = parts;
    }

    /** Cancels the tasks of {@code topic} whose queue is not in {@code keep}, then starts missing ones. */
    void retainForTopic(String topic, Collection<MessageQueue> keep) {
        cancelIf(mq -> mq.getTopic().equals(topic) && !keep.contains(mq));
        start(keep);
    }

    /** Cancels the tasks of queues not in {@code keep}, then starts missing ones. */
    void retainOnly(Collection<MessageQueue> keep) {
        cancelIf(mq -> !keep.contains(mq));
        start(keep);
    }

    void cancelTopic(String topic) {
        cancelIf(mq -> mq.getTopic().equals(topic));
    }

    /** Cancels the task of {@code mq}; a pull it has in flight is interrupted and its result dropped. */
    void cancel(MessageQueue mq) {
        LitePullTask old = tasks.remove(mq);
        if (old != null) {
            old.cancel();
        }
    }

    void cancelAll() {
        cancelIf(mq -> true);
    }

    /** Starts a task for each queue that has none. */
    void start(Collection<MessageQueue> mqs) {
        for (MessageQueue mq : mqs) {
            tasks.computeIfAbsent(mq, q -> {
                LitePullTask task = new LitePullTask(parts, q);
                task.scheduleNext(0);
                return task;
            });
        }
    }

    private void cancelIf(Predicate<MessageQueue> condition) {
        tasks.entrySet().removeIf(entry -> {
            if (condition.test(entry.getKey())) {
                entry.getValue().cancel();
                return true;
            }
            return false;
        });
    }
}
