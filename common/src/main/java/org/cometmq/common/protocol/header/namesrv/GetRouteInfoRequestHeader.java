package org.cometmq.common.protocol.header.namesrv;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;
import org.cometmq.remoting.annotation.CFNullable;

/** GET_ROUTEINFO_BY_TOPIC (105). */
public class GetRouteInfoRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String topic;
    @CFNullable
    private Boolean acceptStandardJsonOnly;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public Boolean getAcceptStandardJsonOnly() {
        return acceptStandardJsonOnly;
    }

    public void setAcceptStandardJsonOnly(Boolean acceptStandardJsonOnly) {
        this.acceptStandardJsonOnly = acceptStandardJsonOnly;
    }

    @Override
    public String toString() {
        return "GetRouteInfoRequestHeader[topic=" + topic + ", acceptStandardJsonOnly=" + acceptStandardJsonOnly + "]";
    }
}
