package org.cometmq.store.schedule;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cometmq.common.MixAll;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.store.MessageStore;
import org.cometmq.store.config.StorePathConfigHelper;
import org.cometmq.store.queue.ConsumeQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers parked delayed messages: one timer task per delay level reads SCHEDULE_TOPIC_XXXX queue
 * {@code level-1} from its saved offset and, once an entry's deliver time (its tag code) has come, re-puts the
 * message into its real topic and queue. Delivered offsets persist to {@code config/delayOffset.json}.
 */
public class ScheduleMessageService {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleMessageService.class);
    static final long FIRST_DELAY_TIME = 100L;
    static final long DELAY_FOR_A_WHILE = 100L;
    static final long DELAY_FOR_A_PERIOD = 10_000L;

    private final MessageStore store;
    private final DelayLevelTable delayLevelTable;
    private final ConcurrentMap<Integer, Long> offsetTable = new ConcurrentHashMap<>(32);
    private final AtomicBoolean started = new AtomicBoolean(false);
    private final String configFilePath;
    private volatile ScheduledExecutorService deliverExecutor;

    public ScheduleMessageService(MessageStore store, DelayLevelTable delayLevelTable) {
        this.store = store;
        this.delayLevelTable = delayLevelTable;
        this.configFilePath = StorePathConfigHelper.getDelayOffsetStorePath(store.getStorePathRootDir());
    }

    public static int queueId2DelayLevel(int queueId) {
        return queueId + 1;
    }

    public static int delayLevel2QueueId(int delayLevel) {
        return delayLevel - 1;
    }

    /** Reads the saved offsets (falling back to the {@code .bak} copy) and clamps them to the queues' ranges. */
    public boolean load() {
        DelayOffsetSerializeWrapper wrapper = read(configFilePath);
        if (wrapper == null) {
            wrapper = read(configFilePath + ".bak");
        }
        if (wrapper != null && wrapper.getOffsetTable() != null) {
            offsetTable.putAll(wrapper.getOffsetTable());
        }
        correctDelayOffset();
        return true;
    }

    private static DelayOffsetSerializeWrapper read(String path) {
        String json = MixAll.file2String(path);
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return DelayOffsetSerializeWrapper.fromJson(json, DelayOffsetSerializeWrapper.class);
        } catch (RuntimeException e) {
            LOG.warn("cannot parse {}: {}", path, e.getMessage());
            return null;
        }
    }

    /** Keeps each saved offset within its queue's [min, max]. */
    public void correctDelayOffset() {
        for (int level = 1; level <= delayLevelTable.getMaxDelayLevel(); level++) {
            ConsumeQueue cq = store.getConsumeQueue(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, delayLevel2QueueId(level));
            Long offset = offsetTable.get(level);
            if (cq == null || offset == null) {
                continue;
            }
            long corrected = Math.min(Math.max(offset, cq.getMinOffsetInQueue()), cq.getMaxOffsetInQueue());
            if (corrected != offset) {
                LOG.warn("delay level {} offset {} corrected to {}", level, offset, corrected);
                offsetTable.put(level, corrected);
            }
        }
    }

    /** Starts one delivery task per level and the periodic persist. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ScheduleMessageTimerThread");
            t.setDaemon(true);
            return t;
        });
        deliverExecutor = executor;
        for (int level = 1; level <= delayLevelTable.getMaxDelayLevel(); level++) {
            long offset = offsetTable.getOrDefault(level, 0L);
            schedule(new DeliverDelayedMessageTask(this, level, offset), FIRST_DELAY_TIME);
        }
        long interval = store.getMessageStoreConfig().getFlushDelayOffsetInterval();
        executor.scheduleAtFixedRate(this::persistQuietly, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("delayed-message delivery started for {} levels", delayLevelTable.getMaxDelayLevel());
    }

    /** Stops delivery and saves the offsets. */
    public void shutdown() {
        if (started.compareAndSet(true, false)) {
            ScheduledExecutorService executor = deliverExecutor;
            if (executor != null) {
                executor.shutdownNow();
                try {
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            persistQuietly();
        }
    }

    public boolean isStarted() {
        return started.get();
    }

    void schedule(DeliverDelayedMessageTask task, long delayMillis) {
        ScheduledExecutorService executor = deliverExecutor;
        if (started.get() && executor != null && !executor.isShutdown()) {
            try {
                executor.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("delivery task for level {} not rescheduled: stopping", task.getDelayLevel());
            }
        }
    }

    void updateOffset(int delayLevel, long offset) {
        offsetTable.put(delayLevel, offset);
    }

    /** Writes {@code config/delayOffset.json} (temp file, rename, {@code .bak} of the previous one). */
    public synchronized void persist() throws java.io.IOException {
        DelayOffsetSerializeWrapper wrapper = new DelayOffsetSerializeWrapper();
        wrapper.setOffsetTable(new ConcurrentHashMap<>(offsetTable));
        MixAll.string2File(wrapper.toJson(true), configFilePath);
    }

    private void persistQuietly() {
        try {
            persist();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("saving delay offsets to {} failed", configFilePath, e);
        }
    }

    /** Adds {@code scheduleMessageOffset_<level>} = "delivered,max" entries to the runtime info. */
    public void buildRunningStats(HashMap<String, String> stats) {
        for (Map.Entry<Integer, Long> next : offsetTable.entrySet()) {
            int queueId = delayLevel2QueueId(next.getKey());
            long max = store.getMaxOffsetInQueue(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, queueId);
            stats.put("scheduleMessageOffset_" + next.getKey(), next.getValue() + "," + max);
        }
    }

    public DelayLevelTable getDelayLevelTable() {
        return delayLevelTable;
    }

    public int getMaxDelayLevel() {
        return delayLevelTable.getMaxDelayLevel();
    }

    public ConcurrentMap<Integer, Long> getOffsetTable() {
        return offsetTable;
    }

    MessageStore getStore() {
        return store;
    }

    public String getConfigFilePath() {
        return configFilePath;
    }
}
