package org.cometmq.client.producer;

import java.util.Collection;
import java.util.List;
import org.cometmq.client.MQAdmin;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.exception.RequestTimeoutException;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.exception.RemotingException;

/** A message producer: synchronous, asynchronous and one-way sends, to any queue, a chosen queue or a selector. */
public interface MQProducer extends MQAdmin {
    void start() throws MQClientException;

    void shutdown();

    List<MessageQueue> fetchPublishMessageQueues(String topic) throws MQClientException;

    SendResult send(Message msg) throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    SendResult send(Message msg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Message msg, SendCallback sendCallback) throws MQClientException, RemotingException, InterruptedException;

    void send(Message msg, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException;

    void sendOneway(Message msg) throws MQClientException, RemotingException, InterruptedException;

    SendResult send(Message msg, MessageQueue mq)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    SendResult send(Message msg, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Message msg, MessageQueue mq, SendCallback sendCallback)
        throws MQClientException, RemotingException, InterruptedException;

    void send(Message msg, MessageQueue mq, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException;

    void sendOneway(Message msg, MessageQueue mq) throws MQClientException, RemotingException, InterruptedException;

    SendResult send(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    SendResult send(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback sendCallback)
        throws MQClientException, RemotingException, InterruptedException;

    void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException;

    void sendOneway(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException, RemotingException, InterruptedException;

    TransactionSendResult sendMessageInTransaction(Message msg, Object arg) throws MQClientException;

    SendResult send(Collection<Message> msgs)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    SendResult send(Collection<Message> msgs, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    SendResult send(Collection<Message> msgs, MessageQueue mq)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    SendResult send(Collection<Message> msgs, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Collection<Message> msgs, SendCallback sendCallback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Collection<Message> msgs, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Collection<Message> msgs, MessageQueue mq, SendCallback sendCallback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Collection<Message> msgs, MessageQueue mq, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    /** Sends a request and waits up to {@code timeout} ms for its reply. */
    Message request(Message msg, long timeout) throws RequestTimeoutException, MQClientException, RemotingException,
        MQBrokerException, InterruptedException;

    /** Sends a request; the reply (or the failure or timeout) goes to {@code requestCallback}. */
    void request(Message msg, RequestCallback requestCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException, MQBrokerException;

    /** Sends a request to the queue the selector picks and waits for its reply. */
    Message request(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws RequestTimeoutException, MQClientException, RemotingException, MQBrokerException, InterruptedException;

    /** Sends a request to the queue the selector picks; the outcome goes to {@code requestCallback}. */
    void request(Message msg, MessageQueueSelector selector, Object arg, RequestCallback requestCallback,
                 long timeout) throws MQClientException, RemotingException, InterruptedException, MQBrokerException;

    /** Sends a request to the given queue and waits for its reply. */
    Message request(Message msg, MessageQueue mq, long timeout)
        throws RequestTimeoutException, MQClientException, RemotingException, MQBrokerException, InterruptedException;

    /** Sends a request to the given queue; the outcome goes to {@code requestCallback}. */
    void request(Message msg, MessageQueue mq, RequestCallback requestCallback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;
}
