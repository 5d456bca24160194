package org.cometmq.client.impl.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.common.filter.ExpressionType;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.body.CheckClientRequestBody;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;

/**
 * Asks every known broker (CHECK_CLIENT_CONFIG) whether it can evaluate the consumer's non-tag subscriptions,
 * so an SQL92 consumer fails at start instead of pulling in vain.
 */
final class SubscriptionChecker {
    private static final long TIMEOUT_MILLIS = 3_000;

    private SubscriptionChecker() {
    }

    /** Checks with every broker of {@code brokerAddrs} (brokerName -> brokerId -> address). */
    static void checkInBrokers(MQClientAPIImpl api, String clientId, Map<String, HashMap<Long, String>> brokerAddrs,
        String group, Set<SubscriptionData> subscriptions) throws MQClientException {
        for (SubscriptionData sd : subscriptions) {
            if (ExpressionType.isTagType(sd.getExpressionType())) {
                continue;
            }
            for (Map.Entry<String, HashMap<Long, String>> broker : brokerAddrs.entrySet()) {
                for (String addr : broker.getValue().values()) {
                    check(api, clientId, group, sd, broker.getKey(), addr);
                }
            }
        }
    }

    private static void check(MQClientAPIImpl api, String clientId, String group, SubscriptionData sd,
        String brokerName, String addr) throws MQClientException {
        CheckClientRequestBody body = new CheckClientRequestBody();
        body.setClientId(clientId);
        body.setGroup(group);
        body.setSubscriptionData(sd);
        try {
            api.getRpcInvoker().call(addr, RequestCode.CHECK_CLIENT_CONFIG, null,
                body.encode(), TIMEOUT_MILLIS);
        } catch (MQBrokerException e) {
            throw new MQClientException(e.getResponseCode(), "Broker " + brokerName + " (" + addr + ") refuses the "
                + sd.getExpressionType() + " subscription '" + sd.getSubString() + "' of topic " + sd.getTopic() + ": "
                + e.getErrorMessage() + ". Start the broker with enablePropertyFilter=true, or subscribe by tag");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MQClientException("Interrupted while checking the subscription with broker " + brokerName, e);
        } catch (Exception e) {
            throw new MQClientException("Could not check the " + sd.getExpressionType() + " subscription of topic "
                + sd.getTopic() + " with broker " + brokerName + " (" + addr + "): " + e, e);
        }
    }
}
