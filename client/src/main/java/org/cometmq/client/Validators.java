package org.cometmq.client;

import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.Message;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.topic.TopicValidator;

/** Checks of group names, topic names and messages done before anything is sent. */
public final class Validators {
    public static final int CHARACTER_MAX_LENGTH = 255;
    public static final int TOPIC_MAX_LENGTH = TopicValidator.TOPIC_MAX_LENGTH;

    public Validators() {
    }

    /** A group name must be non-blank, at most 255 characters of {@code [%|a-zA-Z0-9_-]}. */
    public static void checkGroup(String group) throws MQClientException {
        if (UtilAll.isBlank(group)) {
            throw new MQClientException("the specified group is blank", null);
        }
        if (group.length() > CHARACTER_MAX_LENGTH) {
            throw new MQClientException("the specified group is longer than group max length "
                + CHARACTER_MAX_LENGTH + ".", null);
        }
        if (TopicValidator.isTopicOrGroupIllegal(group)) {
            throw new MQClientException(String.format("the specified group[%s] contains illegal characters, "
                + "allowing only %s", group, TopicValidator.VALID_PATTERN_STR), null);
        }
    }

    /** A message needs a valid topic clients may send to and a body of 1 byte up to the producer's maximum. */
    public static void checkMessage(Message msg, DefaultMQProducer producer) throws MQClientException {
        if (msg == null) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the message is null");
        }
        checkTopic(msg.getTopic());
        isNotAllowedSendTopic(msg.getTopic());
        if (msg.getBody() == null) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the message body is null");
        }
        if (msg.getBody().length == 0) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the message body length is zero");
        }
        if (msg.getBody().length > producer.getMaxMessageSize()) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the message body size "
                + msg.getBody().length + " is over the max value " + producer.getMaxMessageSize()
                + " bytes: split the message or raise maxMessageSize on the producer and the broker");
        }
    }

    /** A topic name must be non-blank, at most 127 characters of {@code [%|a-zA-Z0-9_-]}. */
    public static void checkTopic(String topic) throws MQClientException {
        if (UtilAll.isBlank(topic)) {
            throw new MQClientException("The specified topic is blank", null);
        }
        if (topic.length() > TOPIC_MAX_LENGTH) {
            throw new MQClientException(String.format("The specified topic is longer than topic max length %d.",
                TOPIC_MAX_LENGTH), null);
        }
        if (TopicValidator.isTopicOrGroupIllegal(topic)) {
            throw new MQClientException(String.format("The specified topic[%s] contains illegal characters, "
                + "allowing only %s", topic, TopicValidator.VALID_PATTERN_STR), null);
        }
    }

    /** Refuses the system topics (TBW102, SCHEDULE_TOPIC_XXXX, rmq_sys_ ...) for creation. */
    public static void isSystemTopic(String topic) throws MQClientException {
        if (TopicValidator.isSystemTopic(topic)) {
            throw new MQClientException(String.format("The topic[%s] is conflict with system topic.", topic), null);
        }
    }

    /** Refuses the internal topics no client may write (delay, transaction half/op, offset-moved ...). */
    public static void isNotAllowedSendTopic(String topic) throws MQClientException {
        if (TopicValidator.isNotAllowedSendTopic(topic)) {
            throw new MQClientException(String.format("Sending message to topic[%s] is forbidden.", topic), null);
        }
    }
}
