package org.cometmq.client.impl.consumer;

import org.cometmq.client.impl.factory.MQClientInstance;
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

    private final MQClientInstance mqClientFactory;

    public RebalanceService(MQClientInstance mqClientFactory) {
        this.mqClientFactory = mqClientFactory;
        setDaemon(true);
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
                mqClientFactory.doRebalance();
            } catch (RuntimeException e) {
                LOG.warn("rebalance of client {} failed; retried in {} ms", mqClientFactory.getClientId(),
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
