package org.cometmq.client.consumer;

import java.util.Set;
import org.cometmq.client.MQAdmin;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.exception.RemotingException;

/** What every consumer can do besides consuming: hand a message back for redelivery and list a topic's queues. */
public interface MQConsumer extends MQAdmin {

    /** @deprecated use {@link #sendMessageBack(MessageExt, int, String)}, which names the message's broker */
    @Deprecated
    void sendMessageBack(MessageExt msg, int delayLevel)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /**
     * Hands a message back to the broker it came from, to be delivered again to this group after delay level
     * {@code delayLevel} (0: the broker's choice).
     */
    void sendMessageBack(MessageExt msg, int delayLevel, String brokerName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** All readable queues of {@code topic}. */
    Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException;
}
