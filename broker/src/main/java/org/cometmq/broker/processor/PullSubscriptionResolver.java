package org.cometmq.broker.processor;

import org.cometmq.common.help.FAQUrl;
import org.cometmq.broker.client.ConsumerGroupInfo;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.common.filter.FilterAPI;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.PullMessageRequestHeader;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.common.sysflag.PullSysFlag;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * Finds the subscription a pull filters with: the one carried in the request (subscription flag), else the one
 * the group's consumers registered by heartbeat, which must be at least as new as the request's version. Whether
 * the broker can filter by the subscription's expression type is the filter factory's decision.
 */
final class PullSubscriptionResolver {
    private final ConsumerManager consumerManager;

    PullSubscriptionResolver(ConsumerManager consumerManager) {
        this.consumerManager = consumerManager;
    }

    /** The subscription, or null with the error set on {@code response}. */
    SubscriptionData resolve(PullMessageRequestHeader header, SubscriptionGroupConfig group, RemotingCommand response) {
        SubscriptionData subscription;
        if (PullSysFlag.hasSubscriptionFlag(header.getSysFlag())) {
            try {
                subscription = FilterAPI.build(header.getTopic(), header.getSubscription(), header.getExpressionType());
                // the request's version keys the compiled-expression cache; a fresh timestamp would miss it each pull
                subscription.setSubVersion(header.getSubVersion() == null ? 0 : header.getSubVersion());
            } catch (RuntimeException e) {
                return fail(response, ResponseCode.SUBSCRIPTION_PARSE_FAILED, "parse the consumer's subscription["
                    + header.getSubscription() + "] failed: " + e.getMessage());
            }
        } else {
            subscription = registered(header, group, response);
            if (subscription == null) {
                return null;
            }
        }
        return subscription;
    }

    private SubscriptionData registered(PullMessageRequestHeader header, SubscriptionGroupConfig group,
                                        RemotingCommand response) {
        ConsumerGroupInfo groupInfo = consumerManager.getConsumerGroupInfo(header.getConsumerGroup());
        if (groupInfo == null) {
            return fail(response, ResponseCode.SUBSCRIPTION_NOT_EXIST, "the consumer's group info not exist"
                + FAQUrl.suggestTodo(FAQUrl.SAME_GROUP_DIFFERENT_TOPIC));
        }
        if (!group.isConsumeBroadcastEnable() && groupInfo.getMessageModel() == MessageModel.BROADCASTING) {
            return fail(response, ResponseCode.NO_PERMISSION, "the consumer group[" + header.getConsumerGroup()
                + "] can not consume by broadcast way");
        }
        SubscriptionData subscription = groupInfo.findSubscriptionData(header.getTopic());
        if (subscription == null) {
            return fail(response, ResponseCode.SUBSCRIPTION_NOT_EXIST, "the consumer's subscription not exist"
                + FAQUrl.suggestTodo(FAQUrl.SAME_GROUP_DIFFERENT_TOPIC));
        }
        if (header.getSubVersion() != null && subscription.getSubVersion() < header.getSubVersion()) {
            return fail(response, ResponseCode.SUBSCRIPTION_NOT_LATEST, "the consumer's subscription not latest");
        }
        return subscription;
    }

    private static SubscriptionData fail(RemotingCommand response, int code, String remark) {
        response.setCode(code);
        response.setRemark(remark);
        return null;
    }
}
