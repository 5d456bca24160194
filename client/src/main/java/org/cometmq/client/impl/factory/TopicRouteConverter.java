package org.cometmq.client.impl.factory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cometmq.client.impl.producer.TopicPublishInfo;
import org.cometmq.common.MixAll;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;

/** Turns a topic route into the queues a producer may write and the queues a consumer may read. */
public final class TopicRouteConverter {

    private TopicRouteConverter() {
    }

    /**
     * Writable queues: from {@code orderTopicConf} ({@code broker:count;...}) when set, else every write queue of
     * each writable QueueData whose broker has a master, in broker-name order.
     */
    public static TopicPublishInfo toPublishInfo(String topic, TopicRouteData route) {
        TopicPublishInfo info = new TopicPublishInfo();
        info.setTopicRouteData(route);
        List<MessageQueue> queues = new ArrayList<>();
        String orderConf = route.getOrderTopicConf();
        if (orderConf != null && !orderConf.isEmpty()) {
            for (String broker : orderConf.split(";")) {
                String[] item = broker.split(":");
                int count = Integer.parseInt(item[1].trim());
                for (int i = 0; i < count; i++) {
                    queues.add(new MessageQueue(topic, item[0].trim(), i));
                }
            }
            info.setOrderTopic(true);
        } else if (route.getQueueDatas() != null) {
            List<QueueData> queueDatas = new ArrayList<>(route.getQueueDatas());
            queueDatas.sort(null);
            for (QueueData queueData : queueDatas) {
                if (PermName.isWriteable(queueData.getPerm()) && hasMaster(route, queueData.getBrokerName())) {
                    for (int i = 0; i < queueData.getWriteQueueNums(); i++) {
                        queues.add(new MessageQueue(topic, queueData.getBrokerName(), i));
                    }
                }
            }
            info.setOrderTopic(false);
        }
        info.setMessageQueueList(queues);
        return info;
    }

    /** Every read queue of each readable QueueData. */
    public static Set<MessageQueue> toSubscribeInfo(String topic, TopicRouteData route) {
        Set<MessageQueue> queues = new HashSet<>();
        if (route.getQueueDatas() == null) {
            return queues;
        }
        for (QueueData queueData : route.getQueueDatas()) {
            if (PermName.isReadable(queueData.getPerm())) {
                for (int i = 0; i < queueData.getReadQueueNums(); i++) {
                    queues.add(new MessageQueue(topic, queueData.getBrokerName(), i));
                }
            }
        }
        return queues;
    }

    private static boolean hasMaster(TopicRouteData route, String brokerName) {
        if (route.getBrokerDatas() == null) {
            return false;
        }
        for (BrokerData brokerData : route.getBrokerDatas()) {
            if (brokerData.getBrokerName().equals(brokerName)) {
                return brokerData.getBrokerAddrs() != null && brokerData.getBrokerAddrs().containsKey(MixAll.MASTER_ID);
            }
        }
        return false;
    }

    /** True when the two routes differ in anything but list order. */
    public static boolean isChanged(TopicRouteData olderData, TopicRouteData nowData) {
        if (olderData == null || nowData == null) {
            return true;
        }
        TopicRouteData old = olderData.cloneTopicRouteData();
        TopicRouteData now = nowData.cloneTopicRouteData();
        old.getQueueDatas().sort(null);
        old.getBrokerDatas().sort(null);
        now.getQueueDatas().sort(null);
        now.getBrokerDatas().sort(null);
        return !old.equals(now);
    }
}
