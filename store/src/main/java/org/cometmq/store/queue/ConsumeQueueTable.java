package org.cometmq.store.queue;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cometmq.store.commitlog.QueueOffsetTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every consume queue of the store, by topic and queue id, with the operations applied to all of them. */
public class ConsumeQueueTable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumeQueueTable.class);

    private final ConcurrentMap<String, ConcurrentMap<Integer, ConsumeQueue>> table = new ConcurrentHashMap<>(32);
    private final String storePath;
    private final int mappedFileSize;
    private final StoreTimeLookup storeTimeLookup;

    public ConsumeQueueTable(String storePath, int mappedFileSize, StoreTimeLookup storeTimeLookup) {
        this.storePath = storePath;
        this.mappedFileSize = mappedFileSize;
        this.storeTimeLookup = storeTimeLookup;
    }

    /** The queue, created (without files yet) when absent. */
    public ConsumeQueue findOrCreate(String topic, int queueId) {
        ConcurrentMap<Integer, ConsumeQueue> queues = table.computeIfAbsent(topic, t -> new ConcurrentHashMap<>(16));
        return queues.computeIfAbsent(queueId,
            id -> new ConsumeQueue(topic, id, storePath, mappedFileSize, storeTimeLookup));
    }

    /** The queue, or {@code null} when it does not exist. */
    public ConsumeQueue find(String topic, int queueId) {
        ConcurrentMap<Integer, ConsumeQueue> queues = table.get(topic);
        return queues == null ? null : queues.get(queueId);
    }

    /** Maps the files of every {@code <topic>/<queueId>} directory. */
    public boolean load() {
        File[] topicDirs = new File(storePath).listFiles(File::isDirectory);
        if (topicDirs == null) {
            return true;
        }
        for (File topicDir : topicDirs) {
            File[] queueDirs = topicDir.listFiles(File::isDirectory);
            if (queueDirs == null) {
                continue;
            }
            for (File queueDir : queueDirs) {
                int queueId;
                try {
                    queueId = Integer.parseInt(queueDir.getName());
                } catch (NumberFormatException e) {
                    LOG.warn("skipping {}: not a queue directory", queueDir);
                    continue;
                }
                if (!findOrCreate(topicDir.getName(), queueId).load()) {
                    return false;
                }
            }
        }
        LOG.info("loaded consume queues of {} topics", table.size());
        return true;
    }

    /** Recovers every queue; returns the largest commit-log end any queue refers to (-1 if none). */
    public long recover(int lastFileCount) {
        long maxPhysicOffset = -1;
        for (ConsumeQueue queue : all()) {
            queue.recover(lastFileCount);
            maxPhysicOffset = Math.max(maxPhysicOffset, queue.getMaxPhysicOffset());
        }
        return maxPhysicOffset;
    }

    /** Largest commit-log end any queue refers to (-1 if none). */
    public long getMaxPhysicOffset() {
        long max = -1;
        for (ConsumeQueue queue : all()) {
            max = Math.max(max, queue.getMaxPhysicOffset());
        }
        return max;
    }

    /** Cuts every queue back to entries before commit-log offset {@code phyOffset}. */
    public void truncateDirty(long phyOffset) {
        for (ConsumeQueue queue : all()) {
            queue.truncateDirtyLogicFiles(phyOffset);
        }
    }

    /** The next queue offset of every queue, keyed {@code topic-queueId}. */
    public Map<String, Long> maxOffsets() {
        Map<String, Long> offsets = new HashMap<>();
        for (ConsumeQueue queue : all()) {
            offsets.put(QueueOffsetTable.key(queue.getTopic(), queue.getQueueId()), queue.getMaxOffsetInQueue());
        }
        return offsets;
    }

    /** Flushes every queue; returns true when none had anything to flush. */
    public boolean flush(int flushLeastPages) {
        boolean nothing = true;
        for (ConsumeQueue queue : all()) {
            nothing &= queue.flush(flushLeastPages);
        }
        return nothing;
    }

    /** Deletes files that refer only to commit-log data below {@code minPhyOffset}; returns how many. */
    public int deleteExpiredFiles(long minPhyOffset) {
        int deleted = 0;
        for (ConsumeQueue queue : all()) {
            deleted += queue.deleteExpiredFile(minPhyOffset);
        }
        return deleted;
    }

    /** Deletes the queues of topics not in {@code keepTopics}; returns their {@code topic-queueId} keys. */
    public List<String> cleanUnusedTopics(Set<String> keepTopics) {
        List<String> removed = new ArrayList<>();
        Iterator<Map.Entry<String, ConcurrentMap<Integer, ConsumeQueue>>> it = table.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, ConcurrentMap<Integer, ConsumeQueue>> entry = it.next();
            if (keepTopics.contains(entry.getKey())) {
                continue;
            }
            for (ConsumeQueue queue : entry.getValue().values()) {
                queue.destroy();
                removed.add(QueueOffsetTable.key(queue.getTopic(), queue.getQueueId()));
            }
            it.remove();
            if (!new File(storePath, entry.getKey()).delete()) {
                LOG.debug("directory of topic {} not deleted", entry.getKey());
            }
            LOG.info("deleted consume queues of unused topic {}", entry.getKey());
        }
        return removed;
    }

    /**
     * Deletes queues whose every entry refers to commit-log data below {@code minCommitLogOffset}; returns their
     * {@code topic-queueId} keys.
     */
    public List<String> cleanExpired(long minCommitLogOffset) {
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, ConcurrentMap<Integer, ConsumeQueue>> topicEntry : table.entrySet()) {
            Iterator<Map.Entry<Integer, ConsumeQueue>> it = topicEntry.getValue().entrySet().iterator();
            while (it.hasNext()) {
                ConsumeQueue queue = it.next().getValue();
                long maxPhysic = queue.getMaxPhysicOffset();
                if (maxPhysic >= 0 && maxPhysic <= minCommitLogOffset) {
                    queue.destroy();
                    it.remove();
                    removed.add(QueueOffsetTable.key(queue.getTopic(), queue.getQueueId()));
                    LOG.info("deleted expired consume queue {}-{}", queue.getTopic(), queue.getQueueId());
                }
            }
        }
        return removed;
    }

    /** Every queue, in no particular order. */
    public Iterable<ConsumeQueue> all() {
        return () -> table.values().stream().flatMap(m -> m.values().stream()).iterator();
    }

    public ConcurrentMap<String, ConcurrentMap<Integer, ConsumeQueue>> getTable() {
        return table;
    }

    public void destroy() {
        for (ConsumeQueue queue : all()) {
            queue.destroy();
        }
        table.clear();
    }

    /** Unmaps every queue's files (store shutdown). */
    public void shutdown() {
        for (ConsumeQueue queue : all()) {
            queue.getMappedFileQueue().shutdown(1000 * 3);
        }
    }
}
