package org.cometmq.store.cleanup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cometmq.store.commitlog.CommitLog;
import org.cometmq.store.index.IndexService;
import org.cometmq.store.queue.ConsumeQueue;
import org.cometmq.store.queue.ConsumeQueueTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After commit-log files are deleted: deletes consume-queue and index files that only refer to deleted data, moves
 * each queue's min offset to its first message still stored, and reports to the {@link LostDataLedger} the offsets
 * that moved out from under a group that had not consumed them.
 */
public class CleanConsumeQueueService {

    private static final Logger LOG = LoggerFactory.getLogger(CleanConsumeQueueService.class);

    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueueTable;
    private final IndexService indexService;
    private final LostDataLedger ledger;
    private final Map<ConsumeQueue, Long> knownMinOffsets = new ConcurrentHashMap<>();
    private long lastPhysicalMinOffset = 0;

    public CleanConsumeQueueService(CommitLog commitLog, ConsumeQueueTable consumeQueueTable, IndexService indexService,
                                    LostDataLedger ledger) {
        this.commitLog = commitLog;
        this.consumeQueueTable = consumeQueueTable;
        this.indexService = indexService;
        this.ledger = ledger;
    }

    /** Catches up with commit-log files deleted before this start; reports nothing (it was reported then). */
    public void catchUp() {
        clean();
        for (ConsumeQueue queue : consumeQueueTable.all()) {
            knownMinOffsets.put(queue, queue.getMinOffsetInQueue());
        }
    }

    /**
     * Cleans, then reports every queue whose min offset moved since the last pass: the offsets each group had not
     * consumed, per {@code committedBefore} (topic, group, queue id, offset, as {@link RetentionGuard#committedOffsets}
     * gave them before this pass deleted anything). {@code reason} says why the commit-log files went.
     */
    public void run(Map<String, Map<String, Map<Integer, Long>>> committedBefore, String reason) {
        try {
            clean();
            ledger.record(movedMinOffsets(committedBefore), reason);
        } catch (RuntimeException e) {
            LOG.warn("consume-queue cleaning failed", e);
        }
    }

    /**
     * Runs every pass, not only when the commit log shrank: a consume-queue file held by a reader is deleted (and
     * its queue's min offset corrected) on a later pass.
     */
    private void clean() {
        long minOffset = commitLog.getMinOffset();
        int deleted = consumeQueueTable.deleteExpiredFiles(minOffset);
        if (minOffset > lastPhysicalMinOffset) {
            lastPhysicalMinOffset = minOffset;
            indexService.deleteExpiredFile(minOffset);
            LOG.info("commit log now starts at {}: deleted {} consume-queue files", minOffset, deleted);
        } else if (deleted > 0) {
            LOG.info("deleted {} consume-queue files left by an earlier pass", deleted);
        }
    }

    private List<LostDataLedger.LostRange> movedMinOffsets(Map<String, Map<String, Map<Integer, Long>>> committed) {
        List<LostDataLedger.LostRange> lost = new ArrayList<>();
        Set<ConsumeQueue> seen = new HashSet<>();
        for (ConsumeQueue queue : consumeQueueTable.all()) {
            seen.add(queue);
            long newMin = queue.getMinOffsetInQueue();
            // a queue created since the last pass started at offset 0
            long oldMin = Objects.requireNonNullElse(knownMinOffsets.put(queue, newMin), 0L);
            Map<String, Map<Integer, Long>> groups = committed.get(queue.getTopic());
            if (newMin > oldMin && groups != null) {
                lost.addAll(lostRanges(queue.getTopic(), queue.getQueueId(), oldMin, newMin, groups));
            }
        }
        knownMinOffsets.keySet().retainAll(seen);
        lost.sort(Comparator.comparing(LostDataLedger.LostRange::toString));
        return lost;
    }

    /** Per group, the offsets of {@code [oldMin, newMin)} it had not consumed: {@code [max(oldMin, c), newMin)}. */
    static List<LostDataLedger.LostRange> lostRanges(String topic, int queueId, long oldMin, long newMin,
                                                     Map<String, Map<Integer, Long>> groups) {
        List<LostDataLedger.LostRange> lost = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Long>> group : groups.entrySet()) {
            long from = Math.max(oldMin, group.getValue().getOrDefault(queueId, 0L));
            if (from < newMin) {
                lost.add(new LostDataLedger.LostRange(group.getKey(), topic, queueId, from, newMin));
            }
        }
        return lost;
    }
}
