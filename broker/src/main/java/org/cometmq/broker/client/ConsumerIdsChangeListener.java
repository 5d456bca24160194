package org.cometmq.broker.client;

/** Told by the {@link ConsumerManager} about group membership and subscription changes. */
public interface ConsumerIdsChangeListener {

    void handle(ConsumerGroupEvent event, String group, ConsumerGroupInfo groupInfo);
}
