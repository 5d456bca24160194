package org.cometmq.common.protocol.body;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** QUERY_CONSUME_QUEUE body: a window of consume-queue entries and the queue's index range. */
public class QueryConsumeQueueResponseBody extends RemotingSerializable {
    private SubscriptionData subscriptionData;
    private String filterData;
    private List<ConsumeQueueData> queueData = new ArrayList<>();
    private long maxQueueIndex;
    private long minQueueIndex;

    public SubscriptionData getSubscriptionData() {
        return subscriptionData;
    }

    public void setSubscriptionData(SubscriptionData subscriptionData) {
        this.subscriptionData = subscriptionData;
    }

    public String getFilterData() {
        return filterData;
    }

    public void setFilterData(String filterData) {
        this.filterData = filterData;
    }

    public List<ConsumeQueueData> getQueueData() {
        return queueData;
    }

    public void setQueueData(List<ConsumeQueueData> queueData) {
        this.queueData = queueData;
    }

    public long getMaxQueueIndex() {
        return maxQueueIndex;
    }

    public void setMaxQueueIndex(long maxQueueIndex) {
        this.maxQueueIndex = maxQueueIndex;
    }

    public long getMinQueueIndex() {
        return minQueueIndex;
    }

    public void setMinQueueIndex(long minQueueIndex) {
        this.minQueueIndex = minQueueIndex;
    }
}
