package org.cometmq.broker.processor;

import io.netty.channel.ChannelHandlerContext;
import java.net.SocketAddress;
import java.util.function.Supplier;
import org.cometmq.broker.stats.BrokerStatsManager;
import org.cometmq.broker.subscription.SubscriptionGroupManager;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.MQVersion;
import org.cometmq.common.MixAll;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.UtilAll;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.MessageStore;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.PutMessageStatus;

/**
 * CONSUMER_SEND_MSG_BACK: a consumer failed a message. The broker stores a copy in {@code %RETRY%group} after a
 * delay (level 3 + reconsumeTimes unless the consumer chose one), or in {@code %DLQ%group} once the message was
 * retried the maximum number of times or the consumer asked for it (delay level below 0).
 */
public class ConsumerSendMsgBackProcessor implements NettyRequestProcessor {
    private final BrokerConfig brokerConfig;
    private final SubscriptionGroupManager subscriptionGroupManager;
    private final RetryTopics retryTopics;
    private final MessageStore store;
    private final BrokerStatsManager stats;
    private final Supplier<SocketAddress> storeHost;

    public ConsumerSendMsgBackProcessor(BrokerConfig brokerConfig, SubscriptionGroupManager subscriptionGroupManager,
                                        RetryTopics retryTopics, MessageStore store, BrokerStatsManager stats,
                                        Supplier<SocketAddress> storeHost) {
        this.brokerConfig = brokerConfig;
        this.subscriptionGroupManager = subscriptionGroupManager;
        this.retryTopics = retryTopics;
        this.store = store;
        this.stats = stats;
        this.storeHost = storeHost;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        ConsumerSendMsgBackRequestHeader header = request.decodeCommandCustomHeader(ConsumerSendMsgBackRequestHeader.class);
        SubscriptionGroupConfig group = subscriptionGroupManager.findSubscriptionGroupConfig(header.getGroup());
        if (group == null) {
            return respond(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, RetryTopics.groupNotExistRemark(header.getGroup()));
        }
        if (!PermName.isWriteable(brokerConfig.getBrokerPermission())) {
            return respond(ResponseCode.NO_PERMISSION, "the broker[" + brokerConfig.getBrokerIP1()
                + "] sending message is forbidden");
        }
        if (group.getRetryQueueNums() <= 0) {
            return respond(ResponseCode.SUCCESS, null);
        }
        TopicConfig retryTopic = retryTopics.retryTopic(group);
        if (retryTopic == null) {
            return respond(ResponseCode.SYSTEM_ERROR, "topic[" + MixAll.getRetryTopic(header.getGroup()) + "] not exist");
        }
        if (!PermName.isWriteable(retryTopic.getPerm())) {
            return respond(ResponseCode.NO_PERMISSION, "the topic[" + retryTopic.getTopicName()
                + "] sending message is forbidden");
        }
        MessageExt original = store.lookMessageByOffset(header.getOffset());
        if (original == null) {
            return respond(ResponseCode.SYSTEM_ERROR, "look message by offset failed, " + header.getOffset());
        }
        MessageExtBrokerInner copy = route(header, request, group, retryTopic, original);
        if (copy == null) {
            return respond(ResponseCode.SYSTEM_ERROR, "topic[" + MixAll.getDLQTopic(header.getGroup()) + "] not exist");
        }
        PutMessageResult result = store.putMessage(copy);
        if (result != null && result.getPutMessageStatus() == PutMessageStatus.PUT_OK) {
            stats.incSendBackNums(header.getGroup(), original.getTopic());
            stats.incBrokerPutNums(1);
            if (copy.getTopic().startsWith(MixAll.DLQ_GROUP_TOPIC_PREFIX)) {
                String retryOf = original.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
                stats.recordSendToDlq(header.getGroup(), retryOf != null ? retryOf : original.getTopic());
            }
            return respond(ResponseCode.SUCCESS, null);
        }
        return respond(ResponseCode.SYSTEM_ERROR, result == null ? "store putMessage return null"
            : result.getPutMessageStatus().name());
    }

    /** The copy to store: to the DLQ when retries are used up, else to the retry topic with a delay level. */
    private MessageExtBrokerInner route(ConsumerSendMsgBackRequestHeader header, RemotingCommand request,
                                        SubscriptionGroupConfig group, TopicConfig retryTopic, MessageExt original) {
        if (original.getProperty(MessageConst.PROPERTY_RETRY_TOPIC) == null) {
            MessageAccessor.putProperty(original, MessageConst.PROPERTY_RETRY_TOPIC, original.getTopic());
        }
        original.setWaitStoreMsgOK(false);
        int maxReconsumeTimes = group.getRetryMaxTimes();
        if (request.getVersion() >= MQVersion.Version.V3_4_9.ordinal() && header.getMaxReconsumeTimes() != null) {
            maxReconsumeTimes = header.getMaxReconsumeTimes();
        }
        int delayLevel = header.getDelayLevel() == null ? 0 : header.getDelayLevel();
        String topic = retryTopic.getTopicName();
        int queueId = RetryTopics.randomQueue(retryTopic.getWriteQueueNums());
        if (original.getReconsumeTimes() >= maxReconsumeTimes || delayLevel < 0) {
            TopicConfig dlq = retryTopics.dlqTopic(header.getGroup());
            if (dlq == null) {
                return null;
            }
            topic = dlq.getTopicName();
            queueId = RetryTopics.randomQueue(RetryTopics.DLQ_NUMS_PER_GROUP);
            // 4.9 stores DELAY=0 on a dead letter: level 0 means "not delayed" to the store.
            original.setDelayTimeLevel(0);
        } else {
            original.setDelayTimeLevel(delayLevel == 0 ? 3 + original.getReconsumeTimes() : delayLevel);
        }
        return copyOf(original, topic, queueId);
    }

    private MessageExtBrokerInner copyOf(MessageExt original, String topic, int queueId) {
        MessageExtBrokerInner copy = new MessageExtBrokerInner();
        copy.setTopic(topic);
        copy.setBody(original.getBody());
        copy.setFlag(original.getFlag());
        MessageAccessor.setProperties(copy, original.getProperties());
        String originMsgId = MessageAccessor.getOriginMessageId(original);
        MessageAccessor.setOriginMessageId(copy, UtilAll.isBlank(originMsgId) ? original.getMsgId() : originMsgId);
        copy.setPropertiesString(MessageDecoder.messageProperties2String(copy.getProperties()));
        copy.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(null, original.getTags()));
        copy.setQueueId(queueId);
        copy.setSysFlag(original.getSysFlag());
        copy.setBornTimestamp(original.getBornTimestamp());
        copy.setBornHost(original.getBornHost());
        copy.setStoreHost(original.getStoreHost() == null ? storeHost.get() : original.getStoreHost());
        copy.setReconsumeTimes(original.getReconsumeTimes() + 1);
        return copy;
    }

    private static RemotingCommand respond(int code, String remark) {
        return Responses.error(code, remark);
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
