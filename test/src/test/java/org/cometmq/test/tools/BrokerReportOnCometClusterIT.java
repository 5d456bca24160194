package org.cometmq.test.tools;

import java.util.Set;
import org.cometmq.test.harness.OneBrokerCluster;

/** CometMQ's servers: 4.9.7's keys, plus CometMQ's own settings and loss counters, named here. */
class BrokerReportOnCometClusterIT extends BrokerReportScenario {

    @Override
    protected OneBrokerCluster startCluster() {
        return OneBrokerCluster.comet("report", CLUSTER);
    }

    @Override
    /**
     * CometMQ's own settings: TLS client-auth switches, bind address, frame and name limits, thread-pool bounds,
     * RocketMQ 5's metrics exporter keys, and the account the broker signs its own requests with (never its secret).
     */
    protected Set<String> extraBrokerConfigKeys() {
        return Set.of("adminBrokerThreadPoolQueueCapacity", "bindAddress", "channelExpiredTimeoutMillis",
            "disableCallbackExecutor", "frameMaxLength", "maxPropertiesLength", "maxTopicLength",
            "rebalanceLockMaxLiveTime", "recoverLastFileCount", "startDispatchTimeoutMillis", "tlsNeedClientAuth",
            "tlsTrustAll", "metricsExporterType", "metricsPromExporterHost", "metricsPromExporterPort",
            "innerAccessKey");
    }

    @Override
    /** What forced cleaning deleted before any consumer group read it (4.9.7 loses it without a trace). */
    protected Set<String> extraRuntimeKeys() {
        // the loss counters of issue 20 and the replication figures (a master: role, slave connections, bytes behind)
        return Set.of("lostUnconsumedMsgCount", "lostUnconsumedRangeCount", "lostUnconsumedRanges", "brokerRole",
            "haConnectionCount", "slaveFallBehindMuch");
    }

    @Override
    protected boolean refusesSettingsItDoesNotImplement() {
        return true;
    }
}
