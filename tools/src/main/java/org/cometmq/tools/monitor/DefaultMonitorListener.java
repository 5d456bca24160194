package org.cometmq.tools.monitor;

import java.util.Map;
import java.util.TreeMap;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every report at INFO with 4.9.7's texts ({@code [MONITOR] ...}; {@code [MONITOR]  [NOTIFY] ...} for a group
 * whose clients subscribe differently or a client whose queues look stuck), so the lines read the same in either
 * tool's log.
 */
public class DefaultMonitorListener implements MonitorListener {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMonitorListener.class);
    private static final String LOG_PREFIX = "[MONITOR] ";
    private static final String LOG_NOTIFY = LOG_PREFIX + " [NOTIFY] ";

    @Override
    public void beginRound() {
        LOG.info(LOG_PREFIX + "=========================================beginRound");
    }

    @Override
    public void reportUndoneMsgs(UndoneMsgs undoneMsgs) {
        LOG.info("{}reportUndoneMsgs: {}", LOG_PREFIX, undoneMsgs);
    }

    @Override
    public void reportFailedMsgs(FailedMsgs failedMsgs) {
        LOG.info("{}reportFailedMsgs: {}", LOG_PREFIX, failedMsgs);
    }

    @Override
    public void reportDeleteMsgsEvent(DeleteMsgsEvent deleteMsgsEvent) {
        LOG.info("{}reportDeleteMsgsEvent: {}", LOG_PREFIX, deleteMsgsEvent);
    }

    @Override
    public void reportConsumerRunningInfo(TreeMap<String, ConsumerRunningInfo> criTable) {
        String group = criTable.firstEntry().getValue().getProperties().getProperty("consumerGroup");
        if (!ConsumerRunningInfo.analyzeSubscription(criTable)) {
            LOG.info("{}reportConsumerRunningInfo: ConsumerGroup: {}, Subscription different", LOG_NOTIFY, group);
        }
        for (Map.Entry<String, ConsumerRunningInfo> client : criTable.entrySet()) {
            String result = ConsumerRunningInfo.analyzeProcessQueue(client.getKey(), client.getValue());
            if (!result.isEmpty()) {
                LOG.info("{}reportConsumerRunningInfo: ConsumerGroup: {}, ClientId: {}, {}", LOG_NOTIFY, group,
                    client.getKey(), result);
            }
        }
    }

    @Override
    public void endRound() {
        LOG.info(LOG_PREFIX + "=========================================endRound");
    }
}
