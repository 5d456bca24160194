package org.cometmq.client.impl.consumer;

import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.client.consumer.store.ReadOffsetType;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.MQAdminImpl;
import org.cometmq.common.MixAll;
import org.cometmq.common.UtilAll;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;

/**
 * Where a consumer starts in a queue it has just taken: the group's committed offset, or, when the broker has
 * none, the ConsumeFromWhere rule (last: the queue's max offset, 0 for retry topics; first: 0; timestamp: the
 * first message stored at or after consumeTimestamp).
 */
final class StartOffsetResolver {

    private StartOffsetResolver() {
    }

    /**
     * @param readType READ_FROM_STORE for push consumers (the broker is authoritative after a rebalance);
     *     MEMORY_FIRST_THEN_STORE for lite pull consumers, whose memory holds what the application committed
     */
    static long resolve(MessageQueue mq, ConsumeFromWhere consumeFromWhere, String consumeTimestamp,
        OffsetStore offsetStore, ReadOffsetType readType, MQAdminImpl admin) throws MQClientException {
        long lastOffset = offsetStore.readOffset(mq, readType);
        if (lastOffset >= 0) {
            return lastOffset;
        }
        if (lastOffset != -1) {
            throw new MQClientException(ResponseCode.QUERY_NOT_FOUND, "The committed offset of " + mq
                + " could not be read from its broker; is the broker reachable?");
        }
        boolean retryTopic = mq.getTopic().startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX);
        switch (consumeFromWhere) {
            case CONSUME_FROM_FIRST_OFFSET:
                return 0L;
            case CONSUME_FROM_TIMESTAMP:
                if (retryTopic) {
                    return admin.maxOffset(mq);
                }
                return admin.searchOffset(mq, parseTimestamp(consumeTimestamp));
            default:
                // CONSUME_FROM_LAST_OFFSET and the deprecated variants that behave like it.
                return retryTopic ? 0L : admin.maxOffset(mq);
        }
    }

    private static long parseTimestamp(String consumeTimestamp) throws MQClientException {
        java.util.Date date = UtilAll.parseDate(consumeTimestamp, UtilAll.YYYYMMDDHHMMSS);
        if (date == null) {
            throw new MQClientException("consumeTimestamp '" + consumeTimestamp + "' is not yyyyMMddHHmmss", null);
        }
        return date.getTime();
    }
}
