package org.cometmq.client.impl.producer;

import java.util.Set;
import org.cometmq.client.producer.TransactionListener;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.header.CheckTransactionStateRequestHeader;

/** What the client instance needs from a producer it hosts: its topics, route updates and transaction checks. */
public interface MQProducerInner {
    Set<String> getPublishTopicList();

    boolean isPublishTopicNeedUpdate(String topic);

    /** The listener answering transaction check-backs, null for a non-transactional producer. */
    TransactionListener getCheckListener();

    /** Answers a broker's CHECK_TRANSACTION_STATE for the half message {@code msg}, sent from {@code addr}. */
    void checkTransactionState(String addr, MessageExt msg, CheckTransactionStateRequestHeader checkRequestHeader);

    void updateTopicPublishInfo(String topic, TopicPublishInfo info);

    boolean isUnitMode();
}
