package org.cometmq.tools.command.cluster;

import java.time.Clock;
import java.util.Map;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.tools.admin.MQAdminExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures clusterList shows for one broker, read from its runtime info (spec 5.17). A broker that does not
 * answer, or a key that is missing or not a number, leaves its column empty or zero instead of failing the list.
 */
final class BrokerLoad {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerLoad.class);
    private static final double MILLIS_PER_HOUR = 1000.0 * 60 * 60;

    private final Map<String, String> table;
    private final long now;

    private BrokerLoad(Map<String, String> table, long now) {
        this.table = table;
        this.now = now;
    }

    static BrokerLoad fetch(MQAdminExt admin, String addr, Clock clock) {
        Map<String, String> table = Map.of();
        try {
            KVTable kvTable = admin.fetchBrokerRuntimeStats(addr);
            if (kvTable != null && kvTable.getTable() != null) {
                table = kvTable.getTable();
            }
        } catch (Exception e) {
            LOG.warn("runtime info of broker {} not fetched: {}", addr, e.toString());
        }
        return new BrokerLoad(table, clock.millis());
    }

    String version() {
        return text("brokerVersionDesc");
    }

    double inTps() {
        return firstTps("putTps");
    }

    double outTps() {
        return firstTps("getTransferedTps");
    }

    String sendQueueSize() {
        return text("sendThreadPoolQueueSize");
    }

    String sendQueueWaitMillis() {
        return text("sendThreadPoolQueueHeadWaitTimeMills");
    }

    String pullQueueSize() {
        return text("pullThreadPoolQueueSize");
    }

    String pullQueueWaitMillis() {
        return text("pullThreadPoolQueueHeadWaitTimeMills");
    }

    String pageCacheLockMillis() {
        return text("pageCacheLockTimeMills");
    }

    /** Hours since the earliest stored message. */
    double hours() {
        String earliest = table.get("earliestMessageTimeStamp");
        long millis = parseLong(earliest);
        return earliest == null || earliest.isEmpty() ? 0.0 : (now - millis) / MILLIS_PER_HOUR;
    }

    double diskRatio() {
        return parseDouble(table.get("commitLogDiskRatio"));
    }

    long inTotalYesterday() {
        return number("msgPutTotalTodayMorning") - number("msgPutTotalYesterdayMorning");
    }

    long outTotalYesterday() {
        return number("msgGetTotalTodayMorning") - number("msgGetTotalYesterdayMorning");
    }

    long inTotalToday() {
        return number("msgPutTotalTodayNow") - number("msgPutTotalTodayMorning");
    }

    long outTotalToday() {
        return number("msgGetTotalTodayNow") - number("msgGetTotalTodayMorning");
    }

    private String text(String key) {
        String value = table.get(key);
        return value == null ? "" : value;
    }

    private long number(String key) {
        return parseLong(table.get(key));
    }

    /** The 10-second figure of a "10s 60s 600s" TPS triple. */
    private double firstTps(String key) {
        String value = table.get(key);
        return value == null ? 0.0 : parseDouble(value.trim().split(" ")[0]);
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double parseDouble(String value) {
        try {
            return value == null || value.isEmpty() ? 0.0 : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return 0.0;
        }
    }
}
