package org.cometmq.broker.client;

import io.netty.channel.Channel;
import java.util.function.Predicate;
import org.cometmq.broker.filter.ConsumerFilterManager;

/**
 * Announces membership changes: on CHANGE every remaining client of the group gets NOTIFY_CONSUMER_IDS_CHANGED,
 * when both the broker and the group allow it. REGISTER (each heartbeat) records the group's SQL92 filters and
 * UNREGISTER (the last client left) marks them dead, when a filter table is given.
 */
public class DefaultConsumerIdsChangeListener implements ConsumerIdsChangeListener {
    private final Broker2Client broker2Client;
    private final Predicate<String> notifyEnabledForGroup;
    private final ConsumerFilterManager filterManager;

    /**
     * @param notifyEnabledForGroup whether the broker config and the named group's config allow notifications
     */
    public DefaultConsumerIdsChangeListener(Broker2Client broker2Client, Predicate<String> notifyEnabledForGroup) {
        this(broker2Client, notifyEnabledForGroup, null);
    }

    /**
     * @param filterManager the SQL92 filter table to keep up to date, or null
     */
    public DefaultConsumerIdsChangeListener(Broker2Client broker2Client, Predicate<String> notifyEnabledForGroup,
                                            ConsumerFilterManager filterManager) {
        this.broker2Client = broker2Client;
        this.notifyEnabledForGroup = notifyEnabledForGroup;
        this.filterManager = filterManager;
    }

    @Override
    public void handle(ConsumerGroupEvent event, String group, ConsumerGroupInfo groupInfo) {
        if (filterManager != null && event == ConsumerGroupEvent.REGISTER) {
            filterManager.register(group, groupInfo.getSubscriptionTable().values());
        } else if (filterManager != null && event == ConsumerGroupEvent.UNREGISTER) {
            filterManager.unRegister(group);
        }
        if (event != ConsumerGroupEvent.CHANGE || !notifyEnabledForGroup.test(group)) {
            return;
        }
        for (Channel channel : groupInfo.getAllChannel()) {
            broker2Client.notifyConsumerIdsChanged(channel, group);
        }
    }
}
