package org.cometmq.client.impl.producer;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.client.common.ThreadLocalIndex;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;

/**
 * The writable queues of a topic (on brokers with a master) and a per-thread round-robin position over them.
 */
public class TopicPublishInfo {
    private boolean orderTopic = false;
    private boolean haveTopicRouterInfo = false;
    private List<MessageQueue> messageQueueList = new ArrayList<>();
    private volatile ThreadLocalIndex sendWhichQueue = new ThreadLocalIndex();
    private TopicRouteData topicRouteData;

    /** True when there is at least one queue to send to. */
    public boolean ok() {
        return messageQueueList != null && !messageQueueList.isEmpty();
    }

    /** The next queue in round-robin order. */
    public MessageQueue selectOneMessageQueue() {
        int index = sendWhichQueue.incrementAndGet();
        return messageQueueList.get(index % messageQueueList.size());
    }

    /**
     * The next queue in round-robin order that is not on {@code lastBrokerName} (the broker that just failed);
     * when every queue is on that broker, the next queue regardless.
     */
    public MessageQueue selectOneMessageQueue(String lastBrokerName) {
        if (lastBrokerName == null) {
            return selectOneMessageQueue();
        }
        for (int i = 0; i < messageQueueList.size(); i++) {
            int index = sendWhichQueue.incrementAndGet();
            MessageQueue mq = messageQueueList.get(index % messageQueueList.size());
            if (!mq.getBrokerName().equals(lastBrokerName)) {
                return mq;
            }
        }
        return selectOneMessageQueue();
    }

    /** The write queue count of {@code brokerName} in the route, -1 when the broker has none. */
    public int getQueueIdByBroker(String brokerName) {
        for (QueueData queueData : topicRouteData.getQueueDatas()) {
            if (queueData.getBrokerName().equals(brokerName)) {
                return queueData.getWriteQueueNums();
            }
        }
        return -1;
    }

    public void resetIndex() {
        sendWhichQueue = new ThreadLocalIndex();
    }

    public boolean isOrderTopic() {
        return orderTopic;
    }

    public void setOrderTopic(boolean orderTopic) {
        this.orderTopic = orderTopic;
    }

    public boolean isHaveTopicRouterInfo() {
        return haveTopicRouterInfo;
    }

    public void setHaveTopicRouterInfo(boolean haveTopicRouterInfo) {
        this.haveTopicRouterInfo = haveTopicRouterInfo;
    }

    public List<MessageQueue> getMessageQueueList() {
        return messageQueueList;
    }

    public void setMessageQueueList(List<MessageQueue> messageQueueList) {
        this.messageQueueList = messageQueueList;
    }

    public ThreadLocalIndex getSendWhichQueue() {
        return sendWhichQueue;
    }

    public void setSendWhichQueue(ThreadLocalIndex sendWhichQueue) {
        this.sendWhichQueue = sendWhichQueue;
    }

    public TopicRouteData getTopicRouteData() {
        return topicRouteData;
    }

    public void setTopicRouteData(TopicRouteData topicRouteData) {
        this.topicRouteData = topicRouteData;
    }

    @Override
    public String toString() {
        return "TopicPublishInfo [orderTopic=" + orderTopic + ", messageQueueList=" + messageQueueList
            + ", sendWhichQueue=" + sendWhichQueue + ", haveTopicRouterInfo=" + haveTopicRouterInfo + "]";
    }
}
