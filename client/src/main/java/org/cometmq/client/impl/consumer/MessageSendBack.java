package org.cometmq.client.impl.consumer;

import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageExt;
import org.cometmq.remoting.exception.RemotingException;

/** Hands a message its listener failed on back for redelivery (CONSUMER_SEND_MSG_BACK, else the retry topic). */
interface MessageSendBack {

    /** Sends {@code msg} back to be redelivered at {@code delayLevel}; {@code brokerName} null: its store host. */
    void sendMessageBack(MessageExt msg, int delayLevel, String brokerName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;
}
