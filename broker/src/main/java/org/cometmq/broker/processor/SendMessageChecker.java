package org.cometmq.broker.processor;

import org.cometmq.common.help.FAQUrl;
import java.util.concurrent.ThreadLocalRandom;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.MixAll;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.SendMessageRequestHeader;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * The checks every send passes before it reaches the store: the broker's write permission (order topics only),
 * topic name, forbidden system topics, the topic's existence (auto-created when allowed) and the queue id. As in
 * Apache RocketMQ 4.9.7 the topic's own permission is not checked: a read-only topic leaves fresh routes, but a
 * producer still holding the old route is served.
 */
public class SendMessageChecker {
    private final BrokerConfig brokerConfig;
    private final TopicConfigManager topicConfigManager;

    public SendMessageChecker(BrokerConfig brokerConfig, TopicConfigManager topicConfigManager) {
        this.brokerConfig = brokerConfig;
        this.topicConfigManager = topicConfigManager;
    }

    /** Returns the topic's config, or null with the error code and remark set on {@code response}. */
    public TopicConfig check(String remoteAddr, SendMessageRequestHeader header, RemotingCommand response) {
        // 4.9.7 lets a broker that is not writable keep taking sends, except to order topics: an order topic's
        // queues must not move, so its producers are stopped here rather than by the route.
        if (!PermName.isWriteable(brokerConfig.getBrokerPermission())
            && topicConfigManager.isOrderTopic(header.getTopic())) {
            return fail(response, ResponseCode.NO_PERMISSION, "the broker[" + brokerConfig.getBrokerIP1()
                + "] sending message is forbidden");
        }
        String topic = header.getTopic();
        String badName = TopicValidator.checkTopic(topic);
        if (badName != null) {
            return fail(response, ResponseCode.SYSTEM_ERROR, badName);
        }
        if (TopicValidator.isNotAllowedSendTopic(topic)) {
            return fail(response, ResponseCode.NO_PERMISSION, TopicValidator.notAllowedSendRemark(topic));
        }
        TopicConfig topicConfig = findOrCreate(remoteAddr, header);
        if (topicConfig == null) {
            return fail(response, ResponseCode.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist, apply first please!"
                + FAQUrl.suggestTodo(FAQUrl.APPLY_TOPIC_URL));
        }
        int queueId = header.getQueueId() == null ? -1 : header.getQueueId();
        // 4.9.7 accepts any queue below the larger of the read and write counts.
        if (queueId >= Math.max(topicConfig.getWriteQueueNums(), topicConfig.getReadQueueNums())) {
            return fail(response, ResponseCode.SYSTEM_ERROR, String.format("request queueId[%d] is illegal, %s Producer: %s",
                queueId, topicConfig, remoteAddr));
        }
        return topicConfig;
    }

    private TopicConfig findOrCreate(String remoteAddr, SendMessageRequestHeader header) {
        String topic = header.getTopic();
        TopicConfig topicConfig = topicConfigManager.selectTopicConfig(topic);
        if (topicConfig != null) {
            return topicConfig;
        }
        int sysFlag = 0;
        if (topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
            return topicConfigManager.createTopicInSendMessageBackMethod(topic, 1,
                PermName.PERM_READ | PermName.PERM_WRITE, sysFlag);
        }
        int queueNums = header.getDefaultTopicQueueNums() == null ? 4 : header.getDefaultTopicQueueNums();
        return topicConfigManager.createTopicInSendMessageMethod(topic, header.getDefaultTopic(), remoteAddr,
            queueNums, sysFlag);
    }

    /** The queue to write: the requested one, or a random write queue when the request asks for none. */
    public static int selectQueueId(Integer requested, TopicConfig topicConfig) {
        if (requested != null && requested >= 0) {
            return requested;
        }
        return ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE) % topicConfig.getWriteQueueNums();
    }

    private static TopicConfig fail(RemotingCommand response, int code, String remark) {
        response.setCode(code);
        response.setRemark(remark);
        return null;
    }
}
