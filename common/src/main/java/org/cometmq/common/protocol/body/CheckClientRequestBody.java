package org.cometmq.common.protocol.body;

import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** CHECK_CLIENT_CONFIG body: a client asks whether the broker supports its subscription's filter. */
public class CheckClientRequestBody extends RemotingSerializable {
    private String clientId;
    private String group;
    private SubscriptionData subscriptionData;

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public SubscriptionData getSubscriptionData() {
        return subscriptionData;
    }

    public void setSubscriptionData(SubscriptionData subscriptionData) {
        this.subscriptionData = subscriptionData;
    }
}
