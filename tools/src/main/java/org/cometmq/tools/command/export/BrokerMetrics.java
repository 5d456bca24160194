package org.cometmq.tools.command.export;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.MQVersion;
import org.cometmq.common.protocol.body.BrokerStatsData;
import org.cometmq.common.protocol.body.Connection;
import org.cometmq.common.protocol.body.SubscriptionGroupWrapper;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.SubCommandException;
import org.cometmq.tools.command.stats.StatsAllSubCommand;

/**
 * One master's part of {@code metrics.json}: {@code runtimeEnv}, {@code runtimeQuota} and {@code runtimeVersion},
 * read from its runtime info, settings, topics, groups and the connections of those groups. A figure the broker
 * does not report is left out, except the ones the TPS and day sums need, whose absence fails the export.
 */
final class BrokerMetrics {
    private static final long TIMEOUT_MILLIS = 10_000;
    private static final String TOPIC_PUT_NUMS = "TOPIC_PUT_NUMS";

    private final Map<String, Object> report = new LinkedHashMap<>();

    private BrokerMetrics() {
    }

    /** Reads the master at {@code addr} and adds its TPS and day counts to {@code totals}. */
    static BrokerMetrics of(MQAdminExt admin, String addr, ClusterMetrics totals) throws Exception {
        Map<String, String> runtime = admin.fetchBrokerRuntimeStats(addr).getTable();
        Properties config = admin.getBrokerConfig(addr);
        SubscriptionGroupWrapper groups = admin.getUserSubscriptionGroup(addr, TIMEOUT_MILLIS);
        BrokerMetrics metrics = new BrokerMetrics();
        Map<String, Object> env = new LinkedHashMap<>();
        // 4.9.7 reports the broker's client callback thread count (by default its processor count) as cpuNum
        putPresent(env, "cpuNum", config.getProperty("clientCallbackExecutorThreads"));
        putPresent(env, "totalMemKBytes", runtime.get("totalMemKBytes"));
        metrics.report.put("runtimeEnv", env);
        metrics.report.put("runtimeQuota", quota(admin, addr, runtime, groups, totals));
        metrics.report.put("runtimeVersion", versions(admin, groups));
        return metrics;
    }

    Map<String, Object> report() {
        return report;
    }

    private static Map<String, Object> quota(MQAdminExt admin, String addr, Map<String, String> runtime,
        SubscriptionGroupWrapper groups, ClusterMetrics totals) throws Exception {
        int topics = admin.getUserTopicConfig(addr, false, TIMEOUT_MILLIS).getTopicConfigTable().size();
        BrokerStatsData trans = putStats(admin, addr, TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC);
        BrokerStatsData schedule = putStats(admin, addr, TopicValidator.RMQ_SYS_SCHEDULE_TOPIC);
        Map<String, Object> diskRatio = new LinkedHashMap<>();
        putPresent(diskRatio, "commitLogDiskRatio", runtime.get("commitLogDiskRatio"));
        putPresent(diskRatio, "consumeQueueDiskRatio", runtime.get("consumeQueueDiskRatio"));
        double normalInTps = firstFigure(runtime, "putTps");
        double normalOutTps = firstFigure(runtime, "getTransferedTps");
        double transInTps = trans == null ? 0.0 : trans.getStatsMinute().getTps();
        double scheduleInTps = schedule == null ? 0.0 : schedule.getStatsMinute().getTps();
        Map<String, Double> tps = new LinkedHashMap<>();
        tps.put("normalInTps", normalInTps);
        tps.put("normalOutTps", normalOutTps);
        tps.put("transInTps", transInTps);
        tps.put("scheduleInTps", scheduleInTps);
        long normalIn = count(runtime, "msgPutTotalTodayMorning") - count(runtime, "msgPutTotalYesterdayMorning");
        long normalOut = count(runtime, "msgGetTotalTodayMorning") - count(runtime, "msgGetTotalYesterdayMorning");
        long transIn = trans == null ? 0 : StatsAllSubCommand.compute24HourSum(trans);
        long scheduleIn = schedule == null ? 0 : StatsAllSubCommand.compute24HourSum(schedule);
        totals.addTps(normalInTps, normalOutTps, transInTps, scheduleInTps);
        totals.addOneDay(normalIn, normalOut, transIn, scheduleIn);
        Map<String, Object> quota = new LinkedHashMap<>();
        quota.put("diskRatio", diskRatio);
        quota.put("tps", tps);
        quota.put("oneDayNum", oneDay(normalIn, normalOut, transIn, scheduleIn));
        putPresent(quota, "messageAverageSize", runtime.get("putMessageAverageSize"));
        quota.put("topicSize", topics);
        quota.put("groupSize", groups.getSubscriptionGroupTable().size());
        return quota;
    }

    static Map<String, Long> oneDay(long normalIn, long normalOut, long transIn, long scheduleIn) {
        Map<String, Long> oneDay = new LinkedHashMap<>();
        oneDay.put("normalOneDayInNum", normalIn);
        oneDay.put("normalOneDayOutNum", normalOut);
        oneDay.put("transOneDayInNum", transIn);
        oneDay.put("scheduleOneDayInNum", scheduleIn);
        return oneDay;
    }

    /** The put statistics of a system topic, or null when the broker keeps none for it (it answers an error). */
    private static BrokerStatsData putStats(MQAdminExt admin, String addr, String topic) throws Exception {
        try {
            return admin.viewBrokerStatsData(addr, TOPIC_PUT_NUMS, topic);
        } catch (MQClientException e) {
            return null;
        }
    }

    private static Map<String, Object> versions(MQAdminExt admin, SubscriptionGroupWrapper groups) {
        // a hash set as in 4.9.7, so the JSON array comes in the same order
        Set<String> clientInfo = new HashSet<>();
        for (SubscriptionGroupConfig group : groups.getSubscriptionGroupTable().values()) {
            try {
                for (Connection connection : admin.examineConsumerConnectionInfo(group.getGroupName())
                    .getConnectionSet()) {
                    clientInfo.add(connection.getLanguage() + "%" + MQVersion.getVersionDesc(connection.getVersion()));
                }
            } catch (Exception e) {
                // a group without online consumers has no connections to report
            }
        }
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("rocketmqVersion", MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION));
        versions.put("clientInfo", clientInfo);
        return versions;
    }

    private static double firstFigure(Map<String, String> runtime, String key) throws SubCommandException {
        return Double.parseDouble(required(runtime, key).split(" ")[0]);
    }

    private static long count(Map<String, String> runtime, String key) throws SubCommandException {
        return Long.parseLong(required(runtime, key));
    }

    private static String required(Map<String, String> runtime, String key) throws SubCommandException {
        String value = runtime.get(key);
        if (value == null) {
            throw new SubCommandException("the broker does not report " + key + " in its runtime info"
                + " (mqadmin brokerStatus shows what it reports)");
        }
        return value;
    }

    private static void putPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
