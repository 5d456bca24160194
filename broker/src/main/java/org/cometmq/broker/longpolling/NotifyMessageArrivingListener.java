package org.cometmq.broker.longpolling;

import java.util.Map;
import org.cometmq.store.MessageArrivingListener;

/**
 * Connects the store's dispatch to long polling: a message on a queue wakes the pulls held on it. The store is
 * built before the hold service, so the service is attached afterwards; arrivals before that are ignored.
 */
public class NotifyMessageArrivingListener implements MessageArrivingListener {
    private volatile PullRequestHoldService holdService;

    public void setHoldService(PullRequestHoldService holdService) {
        this.holdService = holdService;
    }

    @Override
    public void arriving(String topic, int queueId, long logicOffset, long tagsCode, long msgStoreTime,
                         byte[] filterBitMap, Map<String, String> properties) {
        PullRequestHoldService service = holdService;
        if (service != null) {
            service.notifyMessageArriving(topic, queueId, logicOffset, tagsCode, msgStoreTime, filterBitMap, properties);
        }
    }
}
