package org.cometmq.client.impl.factory;

import java.util.Map;
import org.cometmq.client.impl.consumer.MQConsumerInner;
import org.cometmq.client.impl.consumer.PullMessageService;
import org.cometmq.client.impl.consumer.RebalanceService;

/** The consumer-side services a client instance runs (pull and rebalance), started and stopped with it. */
final class ConsumerServices {
    private final PullMessageService pullMessageService;
    private final RebalanceService rebalanceService;

    ConsumerServices(String clientId, Map<String, MQConsumerInner> consumers) {
        this.pullMessageService = new PullMessageService();
        this.rebalanceService = new RebalanceService(clientId, consumers);
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
