package org.cometmq.broker.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings Apache RocketMQ 4.9.7's broker has and CometMQ's does not implement, with 4.9.7's defaults.
 * GET_BROKER_CONFIG reports each with that default so tools reading 4.9.7's key set (mqadmin exportConfigs reads
 * {@code filterServerNums}) work; UPDATE_BROKER_CONFIG refuses them, since changing one would change nothing.
 * A key that one of the settings beans has (a feature added later) is a real setting and no longer inert.
 */
public final class InertBrokerSettings {
    private static final Map<String, String> DEFAULTS = defaults();

    private InertBrokerSettings() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> m = new TreeMap<>();
        // filter server processes, the address server, commercial statistics and the "isolate log" switch
        m.put("filterServerNums", "0");
        m.put("fetchNamesrvAddrByAddressServer", "false");
        m.put("commercialEnable", "true");
        m.put("commercialBaseCount", "1");
        m.put("commercialBigCount", "1");
        m.put("commercialTimerCount", "1");
        m.put("commercialTransCount", "1");
        m.put("enableDetailStat", "true");
        m.put("autoDeleteUnusedStats", "false");
        m.put("isolateLogEnable", "false");
        m.put("highSpeedMode", "false");
        // the consume-queue extension and the bloom-filter bit maps of SQL92/tag filtering
        m.put("enableConsumeQueueExt", "false");
        m.put("mappedFileSizeConsumeQueueExt", "50331648");
        m.put("bitMapLengthConsumeQueueExt", "64");
        m.put("enableCalcFilterBitMap", "false");
        m.put("expectConsumerNumUseFilter", "32");
        m.put("maxErrorRateOfBloomFilter", "20");
        m.put("filterDataCleanTimeSpan", "86400000");
        m.put("filterSupportRetry", "false");
        // DLedger, light message queues and multi-dispatch, asynchronous delay delivery, batch push, plug-ins
        m.put("enableDLegerCommitLog", "false");
        m.put("enableLmq", "false");
        m.put("enableMultiDispatch", "false");
        m.put("maxLmqConsumeQueueNum", "20000");
        m.put("enableScheduleAsyncDeliver", "false");
        m.put("scheduleAsyncDeliverMaxPendingLimit", "2000");
        m.put("scheduleAsyncDeliverMaxResendNum2Blocked", "3");
        m.put("isEnableBatchPush", "false");
        m.put("messageStorePlugIn", "");
        m.put("putMessageFutureThreadPoolNums", "2");
        m.put("putThreadPoolQueueCapacity", "10000");
        m.put("maxDelayTime", "40");
        m.put("flushConsumerOffsetHistoryInterval", "60000");
        return Collections.unmodifiableMap(m);
    }

    /** Key to 4.9.7 default, sorted by key. */
    public static Map<String, String> all() {
        return DEFAULTS;
    }

    /** Whether {@code key} is one of 4.9.7's settings that CometMQ does not implement. */
    public static boolean contains(String key) {
        return DEFAULTS.containsKey(key);
    }
}
