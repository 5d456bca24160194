package org.cometmq.broker.longpolling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.ToLongBiFunction;
import org.cometmq.common.ServiceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling: holds pulls that found nothing, per queue, until a message arrives on that queue (told by the
 * store's arriving listener), or the hold time passes. Every {@code checkIntervalMillis} each held queue is
 * checked against its max offset, so a missed notification delays an answer by one interval at most.
 */
public class PullRequestHoldService extends ServiceThread {
    private static final Logger log = LoggerFactory.getLogger(PullRequestHoldService.class);
    private static final String TOPIC_QUEUEID_SEPARATOR = "@";

    private final ConcurrentMap<String, List<HeldPullRequest>> pullRequestTable = new ConcurrentHashMap<>(1024);
    private final PullRequestWaker waker;
    private final ToLongBiFunction<String, Integer> maxOffsetInQueue;
    private final Clock clock;
    private final long checkIntervalMillis;

    /**
     * @param maxOffsetInQueue the store's max offset (one past the last message) of a topic's queue
     */
    public PullRequestHoldService(PullRequestWaker waker, ToLongBiFunction<String, Integer> maxOffsetInQueue,
                                  Clock clock, long checkIntervalMillis) {
        this.waker = waker;
        this.maxOffsetInQueue = maxOffsetInQueue;
        this.clock = clock;
        this.checkIntervalMillis = checkIntervalMillis;
        setDaemon(true);
    }

    @Override
    public String getServiceName() {
        return "PullRequestHoldService";
    }

    public void suspendPullRequest(String topic, int queueId, HeldPullRequest pullRequest) {
        String key = buildKey(topic, queueId);
        List<HeldPullRequest> requests = pullRequestTable.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (requests) {
            requests.add(pullRequest);
        }
    }

    private static String buildKey(String topic, int queueId) {
        return topic + TOPIC_QUEUEID_SEPARATOR + queueId;
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(checkIntervalMillis);
            try {
                checkHoldRequest();
            } catch (RuntimeException e) {
                log.warn("checking held pulls failed", e);
            }
        }
    }

    /** Re-checks every held queue against its max offset, answering what arrived or expired. */
    public void checkHoldRequest() {
        for (String key : pullRequestTable.keySet()) {
            int at = key.lastIndexOf(TOPIC_QUEUEID_SEPARATOR);
            if (at <= 0) {
                continue;
            }
            String topic = key.substring(0, at);
            int queueId = Integer.parseInt(key.substring(at + 1));
            notifyMessageArriving(topic, queueId, maxOffsetInQueue.applyAsLong(topic, queueId), null, 0, null, null);
        }
    }

    /**
     * Wakes the held pulls of a queue whose offset is now below {@code maxOffset} and whose filter takes a message
     * with {@code tagsCode} and {@code properties} ({@code null}: unknown, taken), and those whose hold time passed.
     */
    public void notifyMessageArriving(String topic, int queueId, long maxOffset, Long tagsCode, long msgStoreTime,
                                      byte[] filterBitMap, Map<String, String> properties) {
        List<HeldPullRequest> requests = pullRequestTable.get(buildKey(topic, queueId));
        if (requests == null) {
            return;
        }
        List<HeldPullRequest> toWake = new ArrayList<>();
        synchronized (requests) {
            if (requests.isEmpty()) {
                return;
            }
            List<HeldPullRequest> keep = new ArrayList<>();
            long now = clock.millis();
            long newestOffset = maxOffset;
            for (HeldPullRequest request : requests) {
                if (newestOffset <= request.getPullFromThisOffset()) {
                    newestOffset = maxOffsetInQueue.applyAsLong(topic, queueId);
                }
                boolean arrived = newestOffset > request.getPullFromThisOffset() && matches(request, tagsCode,
                    filterBitMap, properties);
                if (arrived || request.isExpired(now) || !request.getClientChannel().isActive()) {
                    toWake.add(request);
                } else {
                    keep.add(request);
                }
            }
            requests.clear();
            requests.addAll(keep);
        }
        for (HeldPullRequest request : toWake) {
            if (request.getClientChannel().isActive()) {
                waker.executeRequestWhenWakeup(request.getClientChannel(), request.getRequestCommand());
            }
        }
    }

    /**
     * Whether the arrived message can satisfy the held pull: its tag code, then (when the arrival came with the
     * message's properties) its properties, so an SQL92 pull is not woken by messages its filter refuses. The
     * periodic check knows no message and wakes every pull that has something new to read.
     */
    private static boolean matches(HeldPullRequest request, Long tagsCode, byte[] filterBitMap,
                                   Map<String, String> properties) {
        boolean match = request.getMessageFilter().isMatchedByConsumeQueue(tagsCode, filterBitMap);
        if (match && properties != null) {
            match = request.getMessageFilter().isMatchedByCommitLog(null, properties);
        }
        return match;
    }

    /** Number of pulls held right now (tests, stats). */
    public int heldCount() {
        int count = 0;
        for (List<HeldPullRequest> requests : pullRequestTable.values()) {
            synchronized (requests) {
                count += requests.size();
            }
        }
        return count;
    }

    @Override
    public long getJoinTimeMillis() {
        return 5_000;
    }
}
