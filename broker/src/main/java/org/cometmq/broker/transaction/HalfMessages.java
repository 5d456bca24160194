package org.cometmq.broker.transaction;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.store.MessageExtBrokerInner;

/**
 * The messages a transaction turns into, built from the one before (spec 9.9): the half message parked in
 * {@link TransactionTopics#HALF_TOPIC}, the committed real message, the op record that ends a half message, the
 * re-put copy that counts a check, the discarded copy, and the check-back body. Pure functions; nothing is stored.
 */
public final class HalfMessages {
    private HalfMessages() {
    }

    /**
     * The half message for a prepared send: parked in the half topic's queue 0 with the real topic and queue in
     * REAL_TOPIC/REAL_QID, stored as an ordinary record (transaction type cleared) so it gets a queue offset.
     */
    public static MessageExtBrokerInner toHalf(MessageExtBrokerInner real) {
        Map<String, String> properties = copyProperties(real);
        properties.put(MessageConst.PROPERTY_REAL_TOPIC, real.getTopic());
        properties.put(MessageConst.PROPERTY_REAL_QUEUE_ID, String.valueOf(real.getQueueId()));
        MessageExtBrokerInner half = copy(real, TransactionTopics.HALF_TOPIC, TransactionTopics.HALF_QUEUE_ID,
            properties);
        half.setSysFlag(MessageSysFlag.resetTransactionValue(real.getSysFlag(), MessageSysFlag.TRANSACTION_NOT_TYPE));
        half.setTagsCode(real.getTagsCode());
        return half;
    }

    /**
     * The real message a COMMIT writes: topic and queue restored, REAL_TOPIC/REAL_QID and TRAN_MSG removed,
     * transaction type COMMIT, PREPARED TRANSACTION OFFSET = the half message's commit-log offset. UNIQ_KEY (the
     * transaction id) and PGROUP stay.
     */
    public static MessageExtBrokerInner toCommitted(MessageExt half) {
        Map<String, String> properties = copyProperties(half);
        String realTopic = properties.remove(MessageConst.PROPERTY_REAL_TOPIC);
        int realQueueId = parseQueueId(properties.remove(MessageConst.PROPERTY_REAL_QUEUE_ID));
        properties.remove(MessageConst.PROPERTY_TRANSACTION_PREPARED);
        MessageExtBrokerInner real = copy(half, realTopic, realQueueId, properties);
        real.setSysFlag(MessageSysFlag.resetTransactionValue(half.getSysFlag(),
            MessageSysFlag.TRANSACTION_COMMIT_TYPE));
        real.setPreparedTransactionOffset(half.getCommitLogOffset());
        real.setTransactionId(half.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
        return real;
    }

    /** The op record that ends {@code half}: tag "d", body = the half message's queue offset in decimal. */
    public static MessageExtBrokerInner toOp(MessageExt half, SocketAddress storeHost, long now) {
        Map<String, String> properties = new HashMap<>(4);
        properties.put(MessageConst.PROPERTY_TAGS, TransactionTopics.REMOVE_TAG);
        MessageExtBrokerInner op = new MessageExtBrokerInner();
        op.setTopic(TransactionTopics.OP_TOPIC);
        op.setQueueId(half.getQueueId());
        op.setBody(String.valueOf(half.getQueueOffset()).getBytes(StandardCharsets.UTF_8));
        op.setBornTimestamp(now);
        op.setBornHost(storeHost);
        op.setStoreHost(storeHost);
        MessageAccessor.setProperties(op, properties);
        op.setPropertiesString(MessageDecoder.messageProperties2String(properties));
        op.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(TransactionTopics.REMOVE_TAG));
        return op;
    }

    /** The copy of {@code half} re-put at the tail of the half queue with its check count set to {@code checkTimes}. */
    public static MessageExtBrokerInner toPutBack(MessageExt half, int checkTimes) {
        Map<String, String> properties = copyProperties(half);
        properties.put(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, String.valueOf(checkTimes));
        return copy(half, half.getTopic(), half.getQueueId(), properties);
    }

    /** The copy of {@code half} moved to {@link TransactionTopics#CHECK_MAX_TIME_TOPIC}, where nobody consumes it. */
    public static MessageExtBrokerInner toDiscarded(MessageExt half) {
        return copy(half, TransactionTopics.CHECK_MAX_TIME_TOPIC, 0, copyProperties(half));
    }

    /** What the producer gets in CHECK_TRANSACTION_STATE: the half message with its real topic and queue. */
    public static MessageExt toCheckBody(MessageExt half) {
        Map<String, String> properties = copyProperties(half);
        MessageExt body = copy(half, properties.get(MessageConst.PROPERTY_REAL_TOPIC),
            parseQueueId(properties.get(MessageConst.PROPERTY_REAL_QUEUE_ID)), properties);
        body.setQueueOffset(half.getQueueOffset());
        body.setCommitLogOffset(half.getCommitLogOffset());
        body.setStoreTimestamp(half.getStoreTimestamp());
        body.setMsgId(half.getMsgId());
        return body;
    }

    /** TRANSACTION_CHECK_TIMES of {@code half}; 0 when absent or not a number. */
    public static int checkTimes(MessageExt half) {
        String value = half.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int parseQueueId(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, String> copyProperties(MessageExt msg) {
        return msg.getProperties() == null ? new HashMap<>() : new HashMap<>(msg.getProperties());
    }

    /**
     * A new stored message with {@code msg}'s body, flag, hosts, born time, reconsume times and sysFlag, at the
     * given topic and queue, with {@code properties} (the stored string leaves out WAIT, which the store reads
     * from the map).
     */
    private static MessageExtBrokerInner copy(MessageExt msg, String topic, int queueId,
                                              Map<String, String> properties) {
        MessageExtBrokerInner copy = new MessageExtBrokerInner();
        copy.setTopic(topic);
        copy.setQueueId(queueId);
        copy.setBody(msg.getBody());
        copy.setFlag(msg.getFlag());
        copy.setBornTimestamp(msg.getBornTimestamp());
        copy.setBornHost(msg.getBornHost());
        copy.setStoreHost(msg.getStoreHost());
        copy.setReconsumeTimes(msg.getReconsumeTimes());
        copy.setSysFlag(msg.getSysFlag());
        MessageAccessor.setProperties(copy, properties);
        String wait = properties.remove(MessageConst.PROPERTY_WAIT_STORE_MSG_OK);
        copy.setPropertiesString(MessageDecoder.messageProperties2String(properties));
        if (wait != null) {
            properties.put(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, wait);
        }
        copy.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(copy.getTags()));
        return copy;
    }
}
