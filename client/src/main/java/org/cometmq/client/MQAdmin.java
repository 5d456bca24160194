package org.cometmq.client;

import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.exception.RemotingException;

/** Topic creation, queue offsets and message lookup, shared by producers, consumers and admin tools. */
public interface MQAdmin {
    /** Creates {@code newTopic} with {@code queueNum} queues on every broker serving the template topic {@code key}. */
    void createTopic(String key, String newTopic, int queueNum) throws MQClientException;

    void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException;

    /** The offset of the first message stored at or after {@code timestamp} (ms). */
    long searchOffset(MessageQueue mq, long timestamp) throws MQClientException;

    /** One past the last message of the queue. */
    long maxOffset(MessageQueue mq) throws MQClientException;

    long minOffset(MessageQueue mq) throws MQClientException;

    long earliestMsgStoreTime(MessageQueue mq) throws MQClientException;

    /** The message with the given offset message id (as in SendResult.offsetMsgId). */
    MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException;

    /** The message with the given id: a client id (UNIQ_KEY) or an offset message id. */
    MessageExt viewMessage(String topic, String msgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;
}
