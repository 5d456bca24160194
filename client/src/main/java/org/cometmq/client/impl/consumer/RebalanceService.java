package org.cometmq.client.impl.consumer;

import java.util.Map;
import org.cometmq.common.ServiceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebalances every consumer of a client instance every {@code rocketmq.client.rebalance.waitInterval} ms
 * (default 20 s), and at once when woken: at consumer start and when a broker sends
 * NOTIFY_CONSUMER_IDS_CHANGED.
 */
public class RebalanceService extends ServiceThread {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceService.class);
    private static final long WAIT_INTERVAL =
        Long.parseLong(System.getProperty("rocketmq.client.rebalance.waitInterval", "20000"));

    private final String clientId;
    private final Map<String, MQConsumerInner> consumers;

    /** Over the client instance's live consumer table (group -> consumer). */
    public RebalanceService(String clientId, Map<String, MQConsumerInner> consumers) {
        this.clientId = clientId;
        this.consumers = consumers;
        setDaemon(true);
    }

    /** Rebalances every consumer now, in the caller's thread; one group's failure does not stop the others. */
    public void doRebalance() {
        for (Map.Entry<String, MQConsumerInner> entry : consumers.entrySet()) {
            try {
                entry.getValue().doRebalance();
            } catch (Throwable e) {
                LOG.error("rebalance of consumer group {} failed", entry.getKey(), e);
            }
        }
    }

    @Override
    public void run() {
        LOG.info("{} started, interval {} ms", getServiceName(), WAIT_INTERVAL);
        while (!isStopped()) {
            waitForRunning(WAIT_INTERVAL);
            if (isStopped()) {
                break;
            }
            try {
                doRebalance();
            } catch (RuntimeException e) {
                LOG.warn("rebalance of client {} failed; retried in {} ms", clientId,
                    WAIT_INTERVAL, e);
            }
        }
        LOG.info("{} ended", getServiceName());
    }

    @Override
    public long getJoinTimeMillis() {
        return 5_000;
    }

    @Override
    public String getServiceName() {
        return "RebalanceService";
    }
}
