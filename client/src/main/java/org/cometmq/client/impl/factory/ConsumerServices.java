package org.cometmq.client.impl.factory;

import org.cometmq.client.impl.consumer.PullMessageService;
import org.cometmq.client.impl.consumer.RebalanceService;

/** The consumer-side services a client instance runs (pull and rebalance), started and stopped with it. */
final class ConsumerServices {
    private final PullMessageService pullMessageService;
    private final RebalanceService rebalanceService;

    ConsumerServices(MQClientInstance instance) {
        this.pullMessageService = new PullMessageService();
        this.rebalanceService = new RebalanceService(instance);
    }

    void start() {
        pullMessageService.start();
        rebalanceService.start();
    }

    void shutdown() {
        pullMessageService.shutdown(true);
        rebalanceService.shutdown();
    }

    void wakeupRebalance() {
        rebalanceService.wakeup();
    }

    PullMessageService pullMessageService() {
        return pullMessageService;
    }

    RebalanceService rebalanceService() {
        return rebalanceService;
    }
}
