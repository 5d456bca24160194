package org.cometmq.broker.client;

import io.netty.channel.Channel;
import java.util.function.Predicate;

/**
 * Announces membership changes: on CHANGE every remaining client of the group gets NOTIFY_CONSUMER_IDS_CHANGED,
 * when both the broker and the group allow it.
 */
public class DefaultConsumerIdsChangeListener implements ConsumerIdsChangeListener {
    private final Broker2Client broker2Client;
    private final Predicate<String> notifyEnabledForGroup;

    /**
     * @param notifyEnabledForGroup whether the broker config and the named group's config allow notifications
     */
    public DefaultConsumerIdsChangeListener(Broker2Client broker2Client, Predicate<String> notifyEnabledForGroup) {
        this.broker2Client = broker2Client;
        this.notifyEnabledForGroup = notifyEnabledForGroup;
    }

    @Override
    public void handle(ConsumerGroupEvent event, String group, ConsumerGroupInfo groupInfo) {
        if (event != ConsumerGroupEvent.CHANGE || !notifyEnabledForGroup.test(group)) {
            return;
        }
        for (Channel channel : groupInfo.getAllChannel()) {
            broker2Client.notifyConsumerIdsChanged(channel, group);
        }
    }
}
