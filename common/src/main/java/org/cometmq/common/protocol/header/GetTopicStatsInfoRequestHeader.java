package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** GET_TOPIC_STATS_INFO (202) request. */
public class GetTopicStatsInfoRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String topic;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }
}
