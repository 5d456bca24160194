package org.cometmq.store.schedule;

import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.store.MessageExtBrokerInner;

/**
 * Parks a message with a DELAY level in SCHEDULE_TOPIC_XXXX queue {@code level-1}, keeping its real topic and
 * queue in REAL_TOPIC / REAL_QID (spec 8.2). Levels above the table's maximum are clamped to it.
 */
public final class DelayedMessageRewriter {

    private DelayedMessageRewriter() {
    }

    /** Rewrites {@code msg} in place when it is a delayed, non-transactional (or committed) message. */
    public static boolean rewriteIfDelayed(MessageExtBrokerInner msg, DelayLevelTable levels) {
        int tranType = MessageSysFlag.getTransactionValue(msg.getSysFlag());
        if (tranType != MessageSysFlag.TRANSACTION_NOT_TYPE && tranType != MessageSysFlag.TRANSACTION_COMMIT_TYPE) {
            return false;
        }
        int level = msg.getDelayTimeLevel();
        if (level <= 0) {
            return false;
        }
        if (level > levels.getMaxDelayLevel()) {
            level = levels.getMaxDelayLevel();
            msg.setDelayTimeLevel(level);
        }
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_REAL_TOPIC, msg.getTopic());
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_REAL_QUEUE_ID, String.valueOf(msg.getQueueId()));
        msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
        msg.setTopic(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC);
        msg.setQueueId(level - 1);
        return true;
    }
}
