package org.cometmq.common.subscription;

import java.util.Objects;
import org.cometmq.common.MixAll;

/**
 * How a broker serves one consumer group: whether it may consume, how many retry queues and retries it
 * gets, and which broker to read from when it falls behind. JSON as in subscriptionGroup.json and the
 * UPDATE_AND_CREATE_SUBSCRIPTIONGROUP body.
 */
public class SubscriptionGroupConfig {
    private String groupName;
    private boolean consumeEnable = true;
    private boolean consumeFromMinEnable = true;
    private boolean consumeBroadcastEnable = true;
    private int retryQueueNums = 1;
    private int retryMaxTimes = 16;
    private long brokerId = MixAll.MASTER_ID;
    private long whichBrokerWhenConsumeSlowly = 1;
    private boolean notifyConsumerIdsChangedEnable = true;

    public SubscriptionGroupConfig() {
    }

    public SubscriptionGroupConfig(String groupName) {
        this.groupName = groupName;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public boolean isConsumeEnable() {
        return consumeEnable;
    }

    public void setConsumeEnable(boolean consumeEnable) {
        this.consumeEnable = consumeEnable;
    }

    public boolean isConsumeFromMinEnable() {
        return consumeFromMinEnable;
    }

    public void setConsumeFromMinEnable(boolean consumeFromMinEnable) {
        this.consumeFromMinEnable = consumeFromMinEnable;
    }

    public boolean isConsumeBroadcastEnable() {
        return consumeBroadcastEnable;
    }

    public void setConsumeBroadcastEnable(boolean consumeBroadcastEnable) {
        this.consumeBroadcastEnable = consumeBroadcastEnable;
    }

    public int getRetryQueueNums() {
        return retryQueueNums;
    }

    public void setRetryQueueNums(int retryQueueNums) {
        this.retryQueueNums = retryQueueNums;
    }

    public int getRetryMaxTimes() {
        return retryMaxTimes;
    }

    public void setRetryMaxTimes(int retryMaxTimes) {
        this.retryMaxTimes = retryMaxTimes;
    }

    public long getBrokerId() {
        return brokerId;
    }

    public void setBrokerId(long brokerId) {
        this.brokerId = brokerId;
    }

    public long getWhichBrokerWhenConsumeSlowly() {
        return whichBrokerWhenConsumeSlowly;
    }

    public void setWhichBrokerWhenConsumeSlowly(long whichBrokerWhenConsumeSlowly) {
        this.whichBrokerWhenConsumeSlowly = whichBrokerWhenConsumeSlowly;
    }

    public boolean isNotifyConsumerIdsChangedEnable() {
        return notifyConsumerIdsChangedEnable;
    }

    public void setNotifyConsumerIdsChangedEnable(boolean notifyConsumerIdsChangedEnable) {
        this.notifyConsumerIdsChangedEnable = notifyConsumerIdsChangedEnable;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SubscriptionGroupConfig)) {
            return false;
        }
        SubscriptionGroupConfig that = (SubscriptionGroupConfig) o;
        return consumeEnable == that.consumeEnable && consumeFromMinEnable == that.consumeFromMinEnable
            && consumeBroadcastEnable == that.consumeBroadcastEnable && retryQueueNums == that.retryQueueNums
            && retryMaxTimes == that.retryMaxTimes && brokerId == that.brokerId
            && whichBrokerWhenConsumeSlowly == that.whichBrokerWhenConsumeSlowly
            && notifyConsumerIdsChangedEnable == that.notifyConsumerIdsChangedEnable
            && Objects.equals(groupName, that.groupName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupName, consumeEnable, consumeFromMinEnable, consumeBroadcastEnable, retryQueueNums,
            retryMaxTimes, brokerId, whichBrokerWhenConsumeSlowly, notifyConsumerIdsChangedEnable);
    }

    @Override
    public String toString() {
        return "SubscriptionGroupConfig [groupName=" + groupName + ", consumeEnable=" + consumeEnable
            + ", consumeFromMinEnable=" + consumeFromMinEnable + ", consumeBroadcastEnable=" + consumeBroadcastEnable
            + ", retryQueueNums=" + retryQueueNums + ", retryMaxTimes=" + retryMaxTimes + ", brokerId=" + brokerId
            + ", whichBrokerWhenConsumeSlowly=" + whichBrokerWhenConsumeSlowly + ", notifyConsumerIdsChangedEnable="
            + notifyConsumerIdsChangedEnable + "]";
    }
}
