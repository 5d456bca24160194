package org.cometmq.broker.filter;

import java.util.LinkedHashSet;
import java.util.Set;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.filter.ExpressionType;
import org.cometmq.common.filter.sql92.ExpressionCache;
import org.cometmq.common.filter.sql92.FilterException;
import org.cometmq.common.filter.sql92.Sql92Expression;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a consumer's subscription into the filter a pull applies: tag subscriptions filter by tag hash, SQL92
 * subscriptions (only with {@code enablePropertyFilter=true}) by their compiled expression. Compiled expressions,
 * and compile failures, are cached per (group, topic, subscription version), so a subscription is parsed once,
 * whether it arrives by heartbeat, CHECK_CLIENT_CONFIG or in a pull request.
 */
public class ConsumerFilterFactory {
    private static final Logger log = LoggerFactory.getLogger(ConsumerFilterFactory.class);

    private final BrokerConfig brokerConfig;
    private final ExpressionCache expressions;

    public ConsumerFilterFactory(BrokerConfig brokerConfig) {
        this(brokerConfig, new ExpressionCache());
    }

    public ConsumerFilterFactory(BrokerConfig brokerConfig, ExpressionCache expressions) {
        this.brokerConfig = brokerConfig;
        this.expressions = expressions;
    }

    /** The filter for a pull of {@code group}, or null with the refusal (code and remark) set on {@code response}. */
    public MessageFilter create(String group, SubscriptionData subscription, RemotingCommand response) {
        if (ExpressionType.isTagType(subscription.getExpressionType())) {
            return new TagMessageFilter(subscription);
        }
        if (refuseUnsupported(subscription, response)) {
            return null;
        }
        try {
            return new Sql92MessageFilter(compile(group, subscription));
        } catch (FilterException e) {
            response.setCode(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
            response.setRemark("the SQL92 subscription of group " + group + " to topic " + subscription.getTopic()
                + " does not compile: " + e.getMessage());
            return null;
        }
    }

    /**
     * CHECK_CLIENT_CONFIG: true when this broker can serve the subscription, else false with SYSTEM_ERROR (filter
     * type not enabled or unknown) or SUBSCRIPTION_PARSE_FAILED (the compiler's message) set on {@code response}.
     */
    public boolean check(String group, SubscriptionData subscription, RemotingCommand response) {
        if (subscription == null || ExpressionType.isTagType(subscription.getExpressionType())) {
            return true;
        }
        if (refuseUnsupported(subscription, response)) {
            return false;
        }
        try {
            compile(group, subscription);
            return true;
        } catch (FilterException e) {
            response.setCode(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
            response.setRemark(e.getMessage());
            return false;
        }
    }

    /**
     * The heartbeat subscriptions of {@code group} to register. With the property filter enabled, an SQL92
     * subscription that does not compile is logged and left out; the group's other subscriptions are kept.
     */
    public Set<SubscriptionData> acceptedSubscriptions(String group, Set<SubscriptionData> subscriptions) {
        if (!brokerConfig.isEnablePropertyFilter() || subscriptions == null) {
            return subscriptions;
        }
        Set<SubscriptionData> accepted = new LinkedHashSet<>(subscriptions.size() * 2);
        for (SubscriptionData subscription : subscriptions) {
            if (isSql92(subscription)) {
                try {
                    compile(group, subscription);
                } catch (FilterException e) {
                    log.warn("rejected the SQL92 subscription of group {} to topic {}: {}", group,
                        subscription.getTopic(), e.getMessage());
                    continue;
                }
            }
            accepted.add(subscription);
        }
        return accepted;
    }

    private boolean refuseUnsupported(SubscriptionData subscription, RemotingCommand response) {
        if (brokerConfig.isEnablePropertyFilter() && isSql92(subscription)) {
            return false;
        }
        response.setCode(ResponseCode.SYSTEM_ERROR);
        response.setRemark("The broker does not support consumer to filter message by "
            + subscription.getExpressionType());
        return true;
    }

    private static boolean isSql92(SubscriptionData subscription) {
        return ExpressionType.SQL92.equals(subscription.getExpressionType());
    }

    private Sql92Expression compile(String group, SubscriptionData subscription) throws FilterException {
        return expressions.get(group, subscription.getTopic(), subscription.getSubVersion(),
            subscription.getSubString());
    }
}
