package org.cometmq.remoting.protocol;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** A one-field header like GET_ROUTEINFO_BY_TOPIC's, used by the byte vectors of spec 1.3 and 1.4. */
public class TopicTestHeader implements CommandCustomHeader {
    @CFNotNull
    private String topic;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }
}
