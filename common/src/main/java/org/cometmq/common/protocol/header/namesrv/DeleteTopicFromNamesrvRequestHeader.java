package org.cometmq.common.protocol.header.namesrv;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;
import org.cometmq.remoting.annotation.CFNullable;

/** DELETE_TOPIC_IN_NAMESRV (216): from every broker, or only from {@code clusterName}'s. */
public class DeleteTopicFromNamesrvRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String topic;
    @CFNullable
    private String clusterName;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getClusterName() {
        return clusterName;
    }

    public void setClusterName(String clusterName) {
        this.clusterName = clusterName;
    }

    @Override
    public String toString() {
        return "DeleteTopicFromNamesrvRequestHeader[topic=" + topic + ", clusterName=" + clusterName + "]";
    }
}
