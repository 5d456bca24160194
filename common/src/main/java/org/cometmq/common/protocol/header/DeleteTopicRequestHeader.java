package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** DELETE_TOPIC_IN_BROKER (215) request. */
public class DeleteTopicRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String topic;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }
}
