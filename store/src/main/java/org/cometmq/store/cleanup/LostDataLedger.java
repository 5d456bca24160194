package org.cometmq.store.cleanup;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message deleted before a group consumed it, by group and queue: one log line per group and queue per
 * deletion, totals for broker runtime info, and the count per group and queue that {@code consumerProgress} shows.
 * Counts cover the broker's run (they restart at zero with the broker); the log lines are the lasting record.
 */
public class LostDataLedger {

    /** Runtime-info key: messages deleted before a group consumed them (summed over groups and queues). */
    public static final String LOST_MSG_COUNT_KEY = "lostUnconsumedMsgCount";
    /** Runtime-info key: how many group-and-queue offset ranges were lost (one log line each). */
    public static final String LOST_RANGE_COUNT_KEY = "lostUnconsumedRangeCount";
    /** Runtime-info key: the latest lost ranges, {@code group topic queueId [from,to)} separated by {@code ;}. */
    public static final String LOST_RANGES_KEY = "lostUnconsumedRanges";

    private static final Logger LOG = LoggerFactory.getLogger(LostDataLedger.class);
    private static final int RECENT_RANGES = 32;

    /** Offsets {@code [fromOffset, toOffset)} of a queue that {@code group} had not consumed when they were deleted. */
    public record LostRange(String group, String topic, int queueId, long fromOffset, long toOffset) {
        public long count() {
            return toOffset - fromOffset;
        }

        @Override
        public String toString() {
            return group + " " + topic + " " + queueId + " [" + fromOffset + "," + toOffset + ")";
        }
    }

    private final AtomicLong lostMessages = new AtomicLong();
    private final AtomicLong lostRanges = new AtomicLong();
    private final Map<String, AtomicLong> lostByGroupQueue = new ConcurrentHashMap<>();
    private final Deque<LostRange> recent = new ArrayDeque<>();

    /** Records and logs each range; {@code reason} says why the data went (expiry, forced cleaning). */
    public void record(List<LostRange> ranges, String reason) {
        for (LostRange range : ranges) {
            LOG.error("lost unconsumed messages: group={} topic={} queueId={} offsets=[{},{}) count={} reason={}",
                range.group(), range.topic(), range.queueId(), range.fromOffset(), range.toOffset(), range.count(),
                reason);
            lostMessages.addAndGet(range.count());
            lostRanges.incrementAndGet();
            lostByGroupQueue.computeIfAbsent(key(range.group(), range.topic(), range.queueId()), k -> new AtomicLong())
                .addAndGet(range.count());
            synchronized (recent) {
                recent.addLast(range);
                if (recent.size() > RECENT_RANGES) {
                    recent.removeFirst();
                }
            }
        }
    }

    /** Messages of one queue deleted before {@code group} consumed them, since the broker started. */
    public long lostCount(String group, String topic, int queueId) {
        AtomicLong count = lostByGroupQueue.get(key(group, topic, queueId));
        return count == null ? 0 : count.get();
    }

    public long totalLostMessages() {
        return lostMessages.get();
    }

    /** Adds the runtime-info keys. */
    public void addRuntimeInfo(HashMap<String, String> info) {
        info.put(LOST_MSG_COUNT_KEY, String.valueOf(lostMessages.get()));
        info.put(LOST_RANGE_COUNT_KEY, String.valueOf(lostRanges.get()));
        synchronized (recent) {
            info.put(LOST_RANGES_KEY, recent.stream().map(LostRange::toString).collect(Collectors.joining(";")));
        }
    }

    private static String key(String group, String topic, int queueId) {
        return group + '@' + topic + '@' + queueId;
    }
}
