package org.cometmq.client.impl.producer;

import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.exception.RemotingException;

/**
 * One send of one message to one queue, without retries. An {@link MQClientException} means the request never
 * left the client (no broker address, a forbidden-check hook said no); a {@link RemotingException} thrown here
 * means the remoting layer could not hand it over; an async send reports everything later to {@code callback}.
 */
interface SendAttempt {

    /** Sends; SYNC returns the result, ASYNC and ONEWAY return null (ASYNC reports to {@code callback}). */
    SendResult send(Message msg, MessageQueue mq, CommunicationMode mode, SendCallback callback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;
}
