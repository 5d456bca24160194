package org.cometmq.broker.stats;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one place the broker counts traffic: puts and gets per topic and group, send-backs, and broker-wide totals.
 * Processors only call the {@code inc*} methods; runtime info and admin stats read from here.
 */
public class BrokerStatsManager {
    public static final String TOPIC_PUT_NUMS = "TOPIC_PUT_NUMS";
    public static final String TOPIC_PUT_SIZE = "TOPIC_PUT_SIZE";
    public static final String GROUP_GET_NUMS = "GROUP_GET_NUMS";
    public static final String GROUP_GET_SIZE = "GROUP_GET_SIZE";
    public static final String SNDBCK_PUT_NUMS = "SNDBCK_PUT_NUMS";
    public static final String BROKER_PUT_NUMS = "BROKER_PUT_NUMS";
    public static final String BROKER_GET_NUMS = "BROKER_GET_NUMS";
    public static final String BROKER_PULL_FOUND = "BROKER_PULL_FOUND";
    public static final String BROKER_PULL_MISS = "BROKER_PULL_MISS";
    public static final String BROKER_KEY = "broker";

    private final Clock clock;
    private final ConcurrentMap<String, ConcurrentMap<String, StatsItem>> statsTable = new ConcurrentHashMap<>();
    private volatile TrafficObserver observer = TrafficObserver.NONE;

    public BrokerStatsManager(Clock clock) {
        this.clock = clock;
    }

    /** Passes what is counted here on to {@code observer} as well (the metrics); null: to no one. */
    public void setTrafficObserver(TrafficObserver observer) {
        this.observer = observer == null ? TrafficObserver.NONE : observer;
    }

    /** A successful put of {@code msgNum} messages taking {@code bytes} in the commit log. */
    public void recordPut(String topic, TrafficObserver.MessageType type, int msgNum, long bytes) {
        incTopicPutNums(topic, msgNum, 1);
        incTopicPutSize(topic, bytes);
        incBrokerPutNums(msgNum);
        observer.messagesIn(topic, type, msgNum, bytes);
    }

    /** A pull that handed {@code msgNum} messages ({@code bytes}) to {@code group}; {@code nextOffset} comes next. */
    public void recordGet(String group, String topic, int queueId, int msgNum, long bytes, long nextOffset) {
        incGroupGetNums(group, topic, msgNum);
        incGroupGetSize(group, topic, bytes);
        incBrokerGetNums(msgNum);
        observer.messagesOut(group, topic, queueId, msgNum, bytes, nextOffset);
    }

    /** A message of {@code topic} stored in the DLQ of {@code group}. */
    public void recordSendToDlq(String group, String topic) {
        observer.sentToDlq(group, topic);
    }

    public void incTopicPutNums(String topic, int num, int times) {
        item(TOPIC_PUT_NUMS, topic).add(num, times);
    }

    public void incTopicPutSize(String topic, long size) {
        item(TOPIC_PUT_SIZE, topic).add(size, 1);
    }

    public void incBrokerPutNums(int num) {
        item(BROKER_PUT_NUMS, BROKER_KEY).add(num, 1);
    }

    public void incGroupGetNums(String group, String topic, int num) {
        item(GROUP_GET_NUMS, topic + "@" + group).add(num, 1);
    }

    public void incGroupGetSize(String group, String topic, long size) {
        item(GROUP_GET_SIZE, topic + "@" + group).add(size, 1);
    }

    public void incBrokerGetNums(int num) {
        item(BROKER_GET_NUMS, BROKER_KEY).add(num, 1);
    }

    /** Counts one pull that found messages ({@code found}) or none. */
    public void incPullResult(boolean found) {
        item(found ? BROKER_PULL_FOUND : BROKER_PULL_MISS, BROKER_KEY).add(1, 1);
    }

    public void incSendBackNums(String group, String topic) {
        item(SNDBCK_PUT_NUMS, topic + "@" + group).add(1, 1);
    }

    /** Messages per second a group pulled from a topic over the last minute. */
    public double tpsGroupGetNums(String group, String topic) {
        StatsItem item = getStatsItem(GROUP_GET_NUMS, topic + "@" + group);
        return item == null ? 0 : item.getStatsDataInMinute().getTps();
    }

    /** Total messages stored since start. */
    public long getBrokerPutNumsTotal() {
        StatsItem item = getStatsItem(BROKER_PUT_NUMS, BROKER_KEY);
        return item == null ? 0 : item.getValue();
    }

    /** Total messages handed to consumers since start. */
    public long getBrokerGetNumsTotal() {
        StatsItem item = getStatsItem(BROKER_GET_NUMS, BROKER_KEY);
        return item == null ? 0 : item.getValue();
    }

    /** Rates over 10 s, 60 s and 600 s as three space-separated numbers, the runtime-info TPS format. */
    public String tpsTriple(String statsName) {
        StatsItem item = getStatsItem(statsName, BROKER_KEY);
        if (item == null) {
            return "0.00 0.00 0.00";
        }
        return String.format(Locale.ROOT, "%.2f %.2f %.2f", item.tenSecondWindow(1).getTps(),
            item.tenSecondWindow(6).getTps(), item.tenSecondWindow(60).getTps());
    }

    public StatsItem getStatsItem(String statsName, String statsKey) {
        Map<String, StatsItem> items = statsTable.get(statsName);
        return items == null ? null : items.get(statsKey);
    }

    private StatsItem item(String statsName, String statsKey) {
        return statsTable.computeIfAbsent(statsName, n -> new ConcurrentHashMap<>())
            .computeIfAbsent(statsKey, k -> new StatsItem(clock.millis()));
    }

    /** Takes the 10-second samples of every item; minute and hour samples when those periods have passed. */
    void sample(boolean minute, boolean hour) {
        long now = clock.millis();
        for (ConcurrentMap<String, StatsItem> items : statsTable.values()) {
            for (StatsItem item : items.values()) {
                item.sampleTenSeconds(now);
                if (minute) {
                    item.sampleMinute(now);
                }
                if (hour) {
                    item.sampleHour(now);
                }
            }
        }
    }

    Clock clock() {
        return clock;
    }
}
