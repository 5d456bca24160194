package org.cometmq.client.consumer;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link PullTaskCallback} repeatedly for every queue a {@link DefaultMQPullConsumer} is assigned by
 * rebalance (clustering: this consumer's share; broadcasting: all queues). Each queue has its own task on a pool
 * of {@link #getPullThreadNums()} threads ("PullMsgThread-group"); a task stops when its queue is taken away.
 */
public class MQPullConsumerScheduleService {
    private static final Logger LOG = LoggerFactory.getLogger(MQPullConsumerScheduleService.class);
    /** Delay before the next run after a callback threw. */
    private static final int DELAY_AFTER_ERROR_MILLIS = 1000;

    private final MessageQueueListener messageQueueListener = this::messageQueueChanged;
    private final ConcurrentMap<MessageQueue, PullTaskImpl> taskTable = new ConcurrentHashMap<>();
    private DefaultMQPullConsumer defaultMQPullConsumer;
    private int pullThreadNums = 20;
    private ConcurrentMap<String, PullTaskCallback> callbackTable = new ConcurrentHashMap<>();
    private ScheduledThreadPoolExecutor scheduledThreadPoolExecutor;

    public MQPullConsumerScheduleService(final String consumerGroup) {
        this(consumerGroup, null);
    }

    public MQPullConsumerScheduleService(final String consumerGroup, final RPCHook rpcHook) {
        this.defaultMQPullConsumer = new DefaultMQPullConsumer(consumerGroup, rpcHook);
        this.defaultMQPullConsumer.setMessageModel(MessageModel.CLUSTERING);
    }

    /** Makes {@code mqNewSet} the queues of {@code topic} with a running task: cancels the others, starts new ones. */
    public void putTask(String topic, Set<MessageQueue> mqNewSet) {
        Iterator<Map.Entry<MessageQueue, PullTaskImpl>> it = taskTable.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<MessageQueue, PullTaskImpl> entry = it.next();
            if (entry.getKey().getTopic().equals(topic) && !mqNewSet.contains(entry.getKey())) {
                entry.getValue().setCancelled(true);
                it.remove();
            }
        }
        for (MessageQueue mq : mqNewSet) {
            if (!taskTable.containsKey(mq)) {
                PullTaskImpl task = new PullTaskImpl(mq);
                taskTable.put(mq, task);
                scheduledThreadPoolExecutor.schedule(task, 0, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Starts the pull threads and the consumer; tasks begin as rebalance assigns queues. */
    public void start() throws MQClientException {
        String group = defaultMQPullConsumer.getConsumerGroup();
        scheduledThreadPoolExecutor =
            new ScheduledThreadPoolExecutor(pullThreadNums, new NamedThreadFactory("PullMsgThread-" + group));
        defaultMQPullConsumer.setMessageQueueListener(messageQueueListener);
        defaultMQPullConsumer.start();
        LOG.info("pull schedule service of group {} started, topics {}", group, callbackTable.keySet());
    }

    /** Sets the callback for {@code topic} and subscribes the consumer's rebalance to it. */
    public void registerPullTaskCallback(final String topic, final PullTaskCallback callback) {
        callbackTable.put(topic, callback);
        defaultMQPullConsumer.registerMessageQueueListener(topic, null);
    }

    public void shutdown() {
        if (scheduledThreadPoolExecutor != null) {
            scheduledThreadPoolExecutor.shutdown();
        }
        if (defaultMQPullConsumer != null) {
            defaultMQPullConsumer.shutdown();
        }
    }

    public ConcurrentMap<String, PullTaskCallback> getCallbackTable() {
        return callbackTable;
    }

    public void setCallbackTable(ConcurrentHashMap<String, PullTaskCallback> callbackTable) {
        this.callbackTable = callbackTable;
    }

    public int getPullThreadNums() {
        return pullThreadNums;
    }

    /** Pool size; takes effect at {@link #start()}. */
    public void setPullThreadNums(int pullThreadNums) {
        this.pullThreadNums = pullThreadNums;
    }

    public DefaultMQPullConsumer getDefaultMQPullConsumer() {
        return defaultMQPullConsumer;
    }

    public void setDefaultMQPullConsumer(DefaultMQPullConsumer defaultMQPullConsumer) {
        this.defaultMQPullConsumer = defaultMQPullConsumer;
    }

    public MessageModel getMessageModel() {
        return defaultMQPullConsumer.getMessageModel();
    }

    public void setMessageModel(MessageModel messageModel) {
        defaultMQPullConsumer.setMessageModel(messageModel);
    }

    private void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        putTask(topic, getMessageModel() == MessageModel.BROADCASTING ? mqAll : mqDivided);
    }

    /** The repeating task of one queue: runs the topic's callback, then schedules itself after the chosen delay. */
    public class PullTaskImpl implements Runnable {
        private final MessageQueue messageQueue;
        private volatile boolean cancelled = false;

        public PullTaskImpl(final MessageQueue messageQueue) {
            this.messageQueue = messageQueue;
        }

        @Override
        public void run() {
            if (cancelled) {
                LOG.warn("pull task of {} is cancelled: the queue was rebalanced away", messageQueue);
                return;
            }
            PullTaskCallback callback = callbackTable.get(messageQueue.getTopic());
            if (callback == null) {
                LOG.warn("no pull task callback for topic {}: task of {} stops", messageQueue.getTopic(), messageQueue);
                return;
            }
            PullTaskContext context = new PullTaskContext();
            context.setPullConsumer(defaultMQPullConsumer);
            try {
                callback.doPullTask(messageQueue, context);
            } catch (Throwable e) {
                context.setPullNextDelayTimeMillis(DELAY_AFTER_ERROR_MILLIS);
                LOG.error("pull task callback of {} threw; next run in {} ms", messageQueue,
                    DELAY_AFTER_ERROR_MILLIS, e);
            }
            if (cancelled) {
                LOG.warn("pull task of {} cancelled while its callback ran", messageQueue);
            } else if (!scheduledThreadPoolExecutor.isShutdown()) {
                scheduledThreadPoolExecutor.schedule(this, context.getPullNextDelayTimeMillis(), TimeUnit.MILLISECONDS);
            }
        }

        public boolean isCancelled() {
            return cancelled;
        }

        public void setCancelled(boolean cancelled) {
            this.cancelled = cancelled;
        }

        public MessageQueue getMessageQueue() {
            return messageQueue;
        }
    }
}
