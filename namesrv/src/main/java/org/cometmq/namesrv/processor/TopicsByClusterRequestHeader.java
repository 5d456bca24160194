package org.cometmq.namesrv.processor;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/**
 * GET_TOPICS_BY_CLUSTER (224) request header: {@code cluster}. Same wire field as RocketMQ's
 * GetTopicsByClusterRequestHeader, kept here so the name server does not wait on the shared header package.
 */
public class TopicsByClusterRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String cluster;

    public String getCluster() {
        return cluster;
    }

    public void setCluster(String cluster) {
        this.cluster = cluster;
    }
}
