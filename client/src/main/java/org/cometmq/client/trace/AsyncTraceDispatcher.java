package org.cometmq.client.trace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.client.AccessChannel;
import org.cometmq.client.common.ThreadLocalIndex;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.consumer.DefaultMQPushConsumerImpl;
import org.cometmq.client.impl.producer.DefaultMQProducerImpl;
import org.cometmq.client.impl.producer.TopicPublishInfo;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.MessageQueueSelector;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends trace contexts to the trace topic in the background, through a producer of its own (group
 * {@code _INNER_TRACE_PRODUCER-<group>-<type>-<n>}). Hooks {@link #append} contexts to a bounded queue (a full queue
 * drops them: tracing never slows the traced client); a worker thread encodes them into one segment per trace
 * topic, and a segment leaves as one message when it nears the size limit or its oldest record has waited 500 ms.
 * The trace message is indexed by the traced messages' ids and keys, so it is found by a key query.
 */
public class AsyncTraceDispatcher implements TraceDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncTraceDispatcher.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final int QUEUE_SIZE = 2048;
    private static final int MAX_MSG_SIZE = 128000;
    private static final int TRACE_SEND_TIMEOUT_MILLIS = 5000;
    private static final long POLLING_TIME_MILLIS = 100;
    private static final long WAIT_TIME_THRESHOLD_MILLIS = 500;
    private static final long FLUSH_WAIT_MILLIS = 500;

    private final DefaultMQProducer traceProducer;
    private final ThreadPoolExecutor traceExecutor;
    private final AtomicLong discardCount = new AtomicLong();
    private final ArrayBlockingQueue<TraceContext> traceContextQueue = new ArrayBlockingQueue<>(1024);
    private final ArrayBlockingQueue<Runnable> appenderQueue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    /** Segments by trace topic and region; touched by the worker and by flush, under this map's lock. */
    private final Map<String, TraceDataSegment> taskQueueByTopic = new HashMap<>();
    private final ThreadLocalIndex sendWhichQueue = new ThreadLocalIndex();
    private final String dispatcherId = UUID.randomUUID().toString();
    private final AtomicBoolean isStarted = new AtomicBoolean(false);
    private final String group;
    private final Type type;
    private volatile String traceTopicName;
    private volatile AccessChannel accessChannel = AccessChannel.LOCAL;
    private volatile boolean stopped;
    private volatile Thread worker;
    private volatile Thread shutDownHook;
    private DefaultMQProducerImpl hostProducer;
    private DefaultMQPushConsumerImpl hostConsumer;

    /**
     * @param group          the traced client's group (part of the trace producer's group name)
     * @param traceTopicName the trace topic; blank means RMQ_SYS_TRACE_TOPIC
     * @param rpcHook        the traced client's RPC hook, used by the trace producer too
     */
    public AsyncTraceDispatcher(String group, Type type, String traceTopicName, RPCHook rpcHook) {
        this.group = group;
        this.type = type;
        this.traceTopicName = UtilAll.isBlank(traceTopicName) ? TopicValidator.RMQ_SYS_TRACE_TOPIC : traceTopicName;
        this.traceExecutor = new ThreadPoolExecutor(10, 20, 60_000, TimeUnit.MILLISECONDS, appenderQueue,
            new NamedThreadFactory("MQTraceSendThread_", true));
        this.traceProducer = new DefaultMQProducer(rpcHook);
        traceProducer.setProducerGroup(TraceConstants.GROUP_NAME_PREFIX + "-" + group + "-" + type + "-"
            + COUNTER.incrementAndGet());
        traceProducer.setSendMsgTimeout(TRACE_SEND_TIMEOUT_MILLIS);
        traceProducer.setVipChannelEnabled(false);
        traceProducer.setMaxMessageSize(MAX_MSG_SIZE - 10 * 1000);
    }

    /** Starts the trace producer (once) and the worker thread. */
    @Override
    public void start(String nameSrvAddr, AccessChannel accessChannel) throws MQClientException {
        if (isStarted.compareAndSet(false, true)) {
            traceProducer.setNamesrvAddr(nameSrvAddr);
            traceProducer.setInstanceName(TraceConstants.TRACE_INSTANCE_NAME + "_" + nameSrvAddr);
            traceProducer.start();
        }
        this.accessChannel = accessChannel;
        Thread thread = new Thread(this::runWorker, "MQ-AsyncTraceDispatcher-Thread-" + dispatcherId);
        thread.setDaemon(true);
        thread.start();
        this.worker = thread;
        registerShutDownHook();
    }

    @Override
    public boolean append(Object ctx) {
        boolean queued = traceContextQueue.offer((TraceContext) ctx);
        if (!queued) {
            LOG.info("trace queue full, {} trace contexts dropped so far, dropped {}", discardCount.incrementAndGet(),
                ctx);
        }
        return queued;
    }

    /** Waits up to 500 ms for the worker to take what is queued, then sends every waiting segment. */
    @Override
    public void flush() {
        long end = System.currentTimeMillis() + FLUSH_WAIT_MILLIS;
        while (!traceContextQueue.isEmpty() && System.currentTimeMillis() <= end) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (taskQueueByTopic) {
            taskQueueByTopic.values().forEach(this::sendSegment);
        }
        LOG.info("trace flushed, {} contexts and {} sends still queued", traceContextQueue.size(),
            appenderQueue.size());
    }

    @Override
    public void shutdown() {
        flush();
        stopped = true;
        traceExecutor.shutdown();
        if (isStarted.get()) {
            traceProducer.shutdown();
        }
        removeShutdownHook();
    }

    /** Flushes at JVM exit what the application did not shut down itself. */
    public void registerShutDownHook() {
        if (shutDownHook == null) {
            shutDownHook = new Thread(this::flush, "ShutdownHookMQTrace");
            Runtime.getRuntime().addShutdownHook(shutDownHook);
        }
    }

    public void removeShutdownHook() {
        Thread hook = shutDownHook;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                LOG.debug("JVM already shutting down, trace shutdown hook stays");
            }
        }
    }

    // ------------------------------------------------------------------ worker

    private void runWorker() {
        while (!stopped) {
            try {
                TraceContext context = traceContextQueue.poll(POLLING_TIME_MILLIS, TimeUnit.MILLISECONDS);
                synchronized (taskQueueByTopic) {
                    if (context != null && context.getTraceBeans() != null && !context.getTraceBeans().isEmpty()) {
                        TraceDataSegment segment = segmentFor(context.getRegionId());
                        if (segment.add(context, traceProducer.getMaxMessageSize() - 10 * 1000)) {
                            sendSegment(segment);
                        }
                    }
                    for (TraceDataSegment segment : taskQueueByTopic.values()) {
                        if (segment.waitedLongerThan(WAIT_TIME_THRESHOLD_MILLIS)) {
                            sendSegment(segment);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("trace worker: a trace context could not be handled, it is dropped", e);
            }
        }
    }

    private TraceDataSegment segmentFor(String regionId) {
        String topic = traceTopicFor(regionId);
        return taskQueueByTopic.computeIfAbsent(topic + TraceConstants.CONTENT_SPLITOR + regionId,
            k -> new TraceDataSegment(topic, regionId));
    }

    /** A CLOUD client writes to its region's trace topic, any other to the configured one. */
    private String traceTopicFor(String regionId) {
        return accessChannel == AccessChannel.CLOUD ? TraceConstants.TRACE_TOPIC_PREFIX + regionId : traceTopicName;
    }

    private void sendSegment(TraceDataSegment segment) {
        if (segment.isEmpty()) {
            return;
        }
        TraceTransferBean data = segment.drain();
        String topic = segment.traceTopicName();
        try {
            traceExecutor.submit(() -> sendTraceDataByMQ(data.getTransKey(), data.getTransData(), topic));
        } catch (RejectedExecutionException e) {
            LOG.info("trace send queue full or stopped, trace data dropped: {}", data.getTransData());
        }
    }

    /** Sends one trace message, to the brokers that have the trace topic when the route names any. */
    private void sendTraceDataByMQ(Set<String> keySet, String data, String topic) {
        Message message = new Message(topic, data.getBytes(StandardCharsets.UTF_8));
        message.setKeys(keySet);
        SendCallback callback = new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
            }

            @Override
            public void onException(Throwable e) {
                LOG.info("send trace data failed ({}), the trace data is {}", e.toString(), data);
            }
        };
        try {
            Set<String> traceBrokers = brokersWithTopic(topic);
            if (traceBrokers.isEmpty()) {
                traceProducer.send(message, callback, TRACE_SEND_TIMEOUT_MILLIS);
            } else {
                traceProducer.send(message, brokerSelector(), traceBrokers, callback, TRACE_SEND_TIMEOUT_MILLIS);
            }
        } catch (Exception e) {
            LOG.info("send trace data failed ({}), the trace data is {}", e.toString(), data);
        }
    }

    @SuppressWarnings("unchecked")
    private MessageQueueSelector brokerSelector() {
        return (mqs, msg, arg) -> {
            Set<String> brokers = (Set<String>) arg;
            List<MessageQueue> candidates = new ArrayList<>();
            for (MessageQueue queue : mqs) {
                if (brokers.contains(queue.getBrokerName())) {
                    candidates.add(queue);
                }
            }
            List<MessageQueue> from = candidates.isEmpty() ? mqs : candidates;
            return from.get(Math.abs(sendWhichQueue.incrementAndGet() % from.size()));
        };
    }

    private Set<String> brokersWithTopic(String topic) {
        Set<String> brokers = new HashSet<>();
        DefaultMQProducerImpl producer = traceProducer.getDefaultMQProducerImpl();
        TopicPublishInfo info = producer.getTopicPublishInfoTable().get(topic);
        if (info == null || !info.ok()) {
            producer.getTopicPublishInfoTable().putIfAbsent(topic, new TopicPublishInfo());
            producer.getMQClientFactory().updateTopicRouteInfoFromNameServer(topic);
            info = producer.getTopicPublishInfoTable().get(topic);
        }
        if (info != null && (info.isHaveTopicRouterInfo() || info.ok())) {
            for (MessageQueue queue : info.getMessageQueueList()) {
                brokers.add(queue.getBrokerName());
            }
        }
        return brokers;
    }

    // ------------------------------------------------------------------ accessors

    public AccessChannel getAccessChannel() {
        return accessChannel;
    }

    public void setAccessChannel(AccessChannel accessChannel) {
        this.accessChannel = accessChannel;
    }

    public String getTraceTopicName() {
        return traceTopicName;
    }

    public void setTraceTopicName(String traceTopicName) {
        this.traceTopicName = traceTopicName;
    }

    public DefaultMQProducer getTraceProducer() {
        return traceProducer;
    }

    public DefaultMQProducerImpl getHostProducer() {
        return hostProducer;
    }

    public void setHostProducer(DefaultMQProducerImpl hostProducer) {
        this.hostProducer = hostProducer;
    }

    public DefaultMQPushConsumerImpl getHostConsumer() {
        return hostConsumer;
    }

    public void setHostConsumer(DefaultMQPushConsumerImpl hostConsumer) {
        this.hostConsumer = hostConsumer;
    }
}
