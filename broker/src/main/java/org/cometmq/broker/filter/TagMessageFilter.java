package org.cometmq.broker.filter;

import java.nio.ByteBuffer;
import java.util.Map;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.store.MessageFilter;

/**
 * Filters a pull by tag hash: a consume-queue entry matches when the subscription takes every tag ({@code *}) or its
 * code set holds the entry's tag hash. Hash collisions pass; the client filters by tag string afterwards.
 */
public class TagMessageFilter implements MessageFilter {
    private final SubscriptionData subscriptionData;

    public TagMessageFilter(SubscriptionData subscriptionData) {
        this.subscriptionData = subscriptionData;
    }

    @Override
    public boolean isMatchedByConsumeQueue(Long tagsCode, byte[] filterBitMap) {
        if (subscriptionData == null || tagsCode == null || subscriptionData.isClassFilterMode()) {
            return true;
        }
        String subString = subscriptionData.getSubString();
        if (subString == null || SubscriptionData.SUB_ALL.equals(subString.trim())) {
            return true;
        }
        return subscriptionData.getCodeSet().contains(tagsCode.intValue());
    }

    @Override
    public boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties) {
        return true;
    }
}
