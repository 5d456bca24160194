package org.cometmq.store;

import java.util.HashMap;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.cometmq.common.ServiceThread;
import org.cometmq.store.stats.LatencyHistogram;
import org.cometmq.store.stats.RateSampler;

/**
 * Store counters (puts, gets, sizes, latencies) and their rates over 10 s, 60 s and 600 s windows, sampled once
 * a second by this service's thread. Feeds the broker's runtime info (spec 5.17).
 */
public class StoreStatsService extends ServiceThread {

    private static final long SAMPLE_INTERVAL_MILLIS = 1000;

    private final long bootTimestamp = System.currentTimeMillis();
    private final LongAdder putMessageTimesTotal = new LongAdder();
    private final LongAdder putMessageSizeTotal = new LongAdder();
    private final LongAdder putMessageFailedTimes = new LongAdder();
    private final LongAdder getMessageTimesTotalFound = new LongAdder();
    private final LongAdder getMessageTimesTotalMiss = new LongAdder();
    private final LongAdder getMessageTransferedMsgCount = new LongAdder();
    private final ConcurrentMap<String, LongAdder> putMessageTopicTimesTotal = new ConcurrentHashMap<>(128);
    private final ConcurrentMap<String, LongAdder> putMessageTopicSizeTotal = new ConcurrentHashMap<>(128);
    private final AtomicLong putMessageEntireTimeMax = new AtomicLong();
    private final AtomicLong getMessageEntireTimeMax = new AtomicLong();
    private final AtomicLong dispatchMaxBuffer = new AtomicLong();
    private final LatencyHistogram putLatency = new LatencyHistogram();
    private final LatencyHistogram flushLatency = new LatencyHistogram();
    private final RateSampler putSampler = new RateSampler();
    private final RateSampler getFoundSampler = new RateSampler();
    private final RateSampler getMissSampler = new RateSampler();
    private final RateSampler transferedSampler = new RateSampler();

    @Override
    public String getServiceName() {
        return "StoreStatsService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(SAMPLE_INTERVAL_MILLIS);
            sampleNow();
        }
    }

    /** Takes one sample of every counter (the thread does this each second). */
    public void sampleNow() {
        long now = System.currentTimeMillis();
        putSampler.sample(now, putMessageTimesTotal.sum());
        getFoundSampler.sample(now, getMessageTimesTotalFound.sum());
        getMissSampler.sample(now, getMessageTimesTotalMiss.sum());
        transferedSampler.sample(now, getMessageTransferedMsgCount.sum());
    }

    /** Records a successful put of {@code msgNum} messages and {@code bytes} bytes taking {@code elapsedMillis}. */
    public void recordPut(String topic, int msgNum, long bytes, long elapsedMillis) {
        putMessageTimesTotal.add(msgNum);
        putMessageSizeTotal.add(bytes);
        putMessageTopicTimesTotal.computeIfAbsent(topic, t -> new LongAdder()).add(msgNum);
        putMessageTopicSizeTotal.computeIfAbsent(topic, t -> new LongAdder()).add(bytes);
        putLatency.record(elapsedMillis);
        if (elapsedMillis > putMessageEntireTimeMax.get()) {
            putMessageEntireTimeMax.accumulateAndGet(elapsedMillis, Math::max);
        }
    }

    public void recordPutFailed() {
        putMessageFailedTimes.increment();
    }

    /** Records a pull: found or not, messages handed out, time taken. */
    public void recordGet(boolean found, int transferred, long elapsedMillis) {
        if (found) {
            getMessageTimesTotalFound.increment();
        } else {
            getMessageTimesTotalMiss.increment();
        }
        getMessageTransferedMsgCount.add(transferred);
        if (elapsedMillis > getMessageEntireTimeMax.get()) {
            getMessageEntireTimeMax.accumulateAndGet(elapsedMillis, Math::max);
        }
    }

    public void recordDispatchBuffer(long bytes) {
        if (bytes > dispatchMaxBuffer.get()) {
            dispatchMaxBuffer.accumulateAndGet(bytes, Math::max);
        }
    }

    /** Time of each successful put, from the store's call to its result. */
    public LatencyHistogram getPutLatency() {
        return putLatency;
    }

    /** Time of each commit-log flush that wrote something to disk. */
    public LatencyHistogram getFlushLatency() {
        return flushLatency;
    }

    public long getPutMessageTimesTotal() {
        return putMessageTimesTotal.sum();
    }

    public long getPutMessageSizeTotal() {
        return putMessageSizeTotal.sum();
    }

    public long getPutMessageFailedTimes() {
        return putMessageFailedTimes.sum();
    }

    public long getGetMessageTimesTotalFound() {
        return getMessageTimesTotalFound.sum();
    }

    public long getGetMessageTimesTotalMiss() {
        return getMessageTimesTotalMiss.sum();
    }

    public long getGetMessageTransferedMsgCount() {
        return getMessageTransferedMsgCount.sum();
    }

    /** Messages put into {@code topic} since start. */
    public long getPutMessageTimesTotal(String topic) {
        LongAdder adder = putMessageTopicTimesTotal.get(topic);
        return adder == null ? 0 : adder.sum();
    }

    public long getPutMessageSizeTotal(String topic) {
        LongAdder adder = putMessageTopicSizeTotal.get(topic);
        return adder == null ? 0 : adder.sum();
    }

    private static String rates(RateSampler sampler) {
        return String.format(Locale.ROOT, "%.2f %.2f %.2f", sampler.rate(10), sampler.rate(60), sampler.rate(600));
    }

    private static String totalRates(RateSampler a, RateSampler b) {
        return String.format(Locale.ROOT, "%.2f %.2f %.2f", a.rate(10) + b.rate(10), a.rate(60) + b.rate(60),
            a.rate(600) + b.rate(600));
    }

    /** The 4.x runtime-info keys this service owns. */
    public HashMap<String, String> getRuntimeInfo() {
        HashMap<String, String> result = new HashMap<>(64);
        long putTimes = putMessageTimesTotal.sum();
        long putSize = putMessageSizeTotal.sum();
        result.put("bootTimestamp", String.valueOf(bootTimestamp));
        result.put("runtime", runtime());
        result.put("putMessageEntireTimeMax", String.valueOf(putMessageEntireTimeMax.get()));
        result.put("putMessageTimesTotal", String.valueOf(putTimes));
        result.put("putMessageFailedTimes", String.valueOf(putMessageFailedTimes.sum()));
        result.put("putMessageSizeTotal", String.valueOf(putSize));
        result.put("putMessageDistributeTime", putLatency.describe());
        result.put("putMessageAverageSize", String.valueOf(putTimes == 0 ? 0.0 : putSize / (double) putTimes));
        result.put("dispatchMaxBuffer", String.valueOf(dispatchMaxBuffer.get()));
        result.put("getMessageEntireTimeMax", String.valueOf(getMessageEntireTimeMax.get()));
        result.put("putTps", rates(putSampler));
        result.put("getFoundTps", rates(getFoundSampler));
        result.put("getMissTps", rates(getMissSampler));
        result.put("getTotalTps", totalRates(getFoundSampler, getMissSampler));
        result.put("getTransferedTps", rates(transferedSampler));
        result.put("putLatency99", String.format(Locale.ROOT, "%.2f", (double) putLatency.percentile(0.99)));
        result.put("putLatency999", String.format(Locale.ROOT, "%.2f", (double) putLatency.percentile(0.999)));
        return result;
    }

    private String runtime() {
        long time = (System.currentTimeMillis() - bootTimestamp) / 1000;
        long days = time / 86400;
        long hours = (time % 86400) / 3600;
        long minutes = (time % 3600) / 60;
        long seconds = time % 60;
        return "[ " + days + " days, " + hours + " hours, " + minutes + " minutes, " + seconds + " seconds ]";
    }

    @Override
    public String toString() {
        return "putMessageTimesTotal=" + putMessageTimesTotal.sum() + " putTps=" + rates(putSampler)
            + " getTotalTps=" + totalRates(getFoundSampler, getMissSampler);
    }
}
