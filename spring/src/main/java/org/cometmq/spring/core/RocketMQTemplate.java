package org.cometmq.spring.core;

import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.cometmq.client.consumer.DefaultLitePullConsumer;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.MessageQueueSelector;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.TransactionMQProducer;
import org.cometmq.client.producer.TransactionSendResult;
import org.cometmq.client.producer.selector.SelectMessageQueueByHash;
import org.cometmq.common.message.MessageExt;
import org.cometmq.spring.support.MessagePayloadConverter;
import org.cometmq.spring.support.RocketMQMessageConverter;
import org.cometmq.spring.support.RocketMQUtil;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.core.AbstractMessageSendingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.Assert;

/**
 * Sends Spring messages (or payloads, converted: byte[] and String as is, other objects to JSON) to CometMQ, and
 * pulls them with the configured lite pull consumer. A destination is {@code topic} or {@code topic:tags}; the
 * {@code *Orderly} methods pick the queue by the hash of {@code hashKey}, so one key's messages keep their order.
 * Failures are thrown as {@link MessagingException}.
 */
public class RocketMQTemplate extends AbstractMessageSendingTemplate<String>
    implements InitializingBean, DisposableBean {

    private DefaultMQProducer producer;
    private DefaultLitePullConsumer consumer;
    private String charset = "UTF-8";
    private MessageQueueSelector messageQueueSelector = new SelectMessageQueueByHash();
    private volatile boolean producerStarted;

    /** A template whose payloads go through {@link RocketMQMessageConverter}. */
    public RocketMQTemplate() {
        setMessageConverter(new RocketMQMessageConverter().getMessageConverter());
    }

    // ---- synchronous ----

    /** Sends and waits for the broker's answer, within the producer's send timeout. */
    public SendResult syncSend(String destination, Message<?> message) {
        return syncSend(destination, message, producer.getSendMsgTimeout());
    }

    /** Sends and waits for the broker's answer at most {@code timeout} ms. */
    public SendResult syncSend(String destination, Message<?> message, long timeout) {
        return syncSend(destination, message, timeout, 0);
    }

    /** Sends with delay level {@code delayLevel} (1 = 1 s ... 18 = 2 h; 0 = no delay). */
    public SendResult syncSend(String destination, Message<?> message, long timeout, int delayLevel) {
        org.cometmq.common.message.Message rocketMsg = toRocketMessage(destination, message, delayLevel);
        return call("syncSend", destination, () -> producer.send(rocketMsg, timeout));
    }

    /** Sends a payload, converted. */
    public SendResult syncSend(String destination, Object payload) {
        return syncSend(destination, payload, producer.getSendMsgTimeout());
    }

    /** Sends a payload, converted, waiting at most {@code timeout} ms. */
    public SendResult syncSend(String destination, Object payload, long timeout) {
        return syncSend(destination, messageOf(payload), timeout);
    }

    /** Sends the messages as one batch (one topic, no delay). */
    public <T extends Message<?>> SendResult syncSend(String destination, Collection<T> messages) {
        return syncSend(destination, messages, producer.getSendMsgTimeout());
    }

    /** Sends the messages as one batch, waiting at most {@code timeout} ms. */
    public <T extends Message<?>> SendResult syncSend(String destination, Collection<T> messages, long timeout) {
        List<org.cometmq.common.message.Message> batch = toRocketBatch(destination, messages);
        return call("syncSend", destination, () -> producer.send(batch, timeout));
    }

    /** Sends to the queue chosen by {@code hashKey}. */
    public SendResult syncSendOrderly(String destination, Message<?> message, String hashKey) {
        return syncSendOrderly(destination, message, hashKey, producer.getSendMsgTimeout());
    }

    /** Sends to the queue chosen by {@code hashKey}, waiting at most {@code timeout} ms. */
    public SendResult syncSendOrderly(String destination, Message<?> message, String hashKey, long timeout) {
        org.cometmq.common.message.Message rocketMsg = toRocketMessage(destination, message, 0);
        return call("syncSendOrderly", destination,
            () -> producer.send(rocketMsg, messageQueueSelector, hashKey, timeout));
    }

    /** Sends a payload to the queue chosen by {@code hashKey}. */
    public SendResult syncSendOrderly(String destination, Object payload, String hashKey) {
        return syncSendOrderly(destination, messageOf(payload), hashKey);
    }

    /** Sends a payload to the queue chosen by {@code hashKey}, waiting at most {@code timeout} ms. */
    public SendResult syncSendOrderly(String destination, Object payload, String hashKey, long timeout) {
        return syncSendOrderly(destination, messageOf(payload), hashKey, timeout);
    }

    /** Sends the messages as one batch to the queue chosen by {@code hashKey}. */
    public <T extends Message<?>> SendResult syncSendOrderly(String destination, Collection<T> messages,
        String hashKey) {
        return syncSendOrderly(destination, messages, hashKey, producer.getSendMsgTimeout());
    }

    /** Sends the messages as one batch to the queue chosen by {@code hashKey}, within {@code timeout} ms. */
    public <T extends Message<?>> SendResult syncSendOrderly(String destination, Collection<T> messages,
        String hashKey, long timeout) {
        List<org.cometmq.common.message.Message> batch = toRocketBatch(destination, messages);
        return call("syncSendOrderly", destination, () -> {
            org.cometmq.common.message.MessageQueue queue = messageQueueSelector.select(
                producer.fetchPublishMessageQueues(batch.get(0).getTopic()), batch.get(0), hashKey);
            return producer.send(batch, queue, timeout);
        });
    }

    // ---- asynchronous ----

    /** Sends without waiting; the outcome goes to {@code sendCallback}. */
    public void asyncSend(String destination, Message<?> message, SendCallback sendCallback) {
        asyncSend(destination, message, sendCallback, producer.getSendMsgTimeout());
    }

    /** Sends without waiting, giving up after {@code timeout} ms. */
    public void asyncSend(String destination, Message<?> message, SendCallback sendCallback, long timeout) {
        asyncSend(destination, message, sendCallback, timeout, 0);
    }

    /** Sends without waiting, with delay level {@code delayLevel}. */
    public void asyncSend(String destination, Message<?> message, SendCallback sendCallback, long timeout,
        int delayLevel) {
        org.cometmq.common.message.Message rocketMsg = toRocketMessage(destination, message, delayLevel);
        run("asyncSend", destination, () -> producer.send(rocketMsg, sendCallback, timeout));
    }

    /** Sends a payload without waiting. */
    public void asyncSend(String destination, Object payload, SendCallback sendCallback) {
        asyncSend(destination, messageOf(payload), sendCallback);
    }

    /** Sends a payload without waiting, giving up after {@code timeout} ms. */
    public void asyncSend(String destination, Object payload, SendCallback sendCallback, long timeout) {
        asyncSend(destination, messageOf(payload), sendCallback, timeout);
    }

    /** Sends the messages as one batch without waiting. */
    public <T extends Message<?>> void asyncSend(String destination, Collection<T> messages,
        SendCallback sendCallback) {
        asyncSend(destination, messages, sendCallback, producer.getSendMsgTimeout());
    }

    /** Sends the messages as one batch without waiting, giving up after {@code timeout} ms. */
    public <T extends Message<?>> void asyncSend(String destination, Collection<T> messages,
        SendCallback sendCallback, long timeout) {
        List<org.cometmq.common.message.Message> batch = toRocketBatch(destination, messages);
        run("asyncSend", destination, () -> producer.send(batch, sendCallback, timeout));
    }

    /** Sends to the queue chosen by {@code hashKey} without waiting. */
    public void asyncSendOrderly(String destination, Message<?> message, String hashKey, SendCallback sendCallback) {
        asyncSendOrderly(destination, message, hashKey, sendCallback, producer.getSendMsgTimeout());
    }

    /** Sends to the queue chosen by {@code hashKey} without waiting, giving up after {@code timeout} ms. */
    public void asyncSendOrderly(String destination, Message<?> message, String hashKey, SendCallback sendCallback,
        long timeout) {
        org.cometmq.common.message.Message rocketMsg = toRocketMessage(destination, message, 0);
        run("asyncSendOrderly", destination,
            () -> producer.send(rocketMsg, messageQueueSelector, hashKey, sendCallback, timeout));
    }

    /** Sends a payload to the queue chosen by {@code hashKey} without waiting. */
    public void asyncSendOrderly(String destination, Object payload, String hashKey, SendCallback sendCallback) {
        asyncSendOrderly(destination, messageOf(payload), hashKey, sendCallback);
    }

    /** Sends a payload to the queue chosen by {@code hashKey} without waiting, within {@code timeout} ms. */
    public void asyncSendOrderly(String destination, Object payload, String hashKey, SendCallback sendCallback,
        long timeout) {
        asyncSendOrderly(destination, messageOf(payload), hashKey, sendCallback, timeout);
    }

    // ---- one way ----

    /** Sends without any answer from the broker. */
    public void sendOneWay(String destination, Message<?> message) {
        org.cometmq.common.message.Message rocketMsg = toRocketMessage(destination, message, 0);
        run("sendOneWay", destination, () -> producer.sendOneway(rocketMsg));
    }

    /** Sends a payload without any answer from the broker. */
    public void sendOneWay(String destination, Object payload) {
        sendOneWay(destination, messageOf(payload));
    }

    /** Sends to the queue chosen by {@code hashKey} without any answer from the broker. */
    public void sendOneWayOrderly(String destination, Message<?> message, String hashKey) {
        org.cometmq.common.message.Message rocketMsg = toRocketMessage(destination, message, 0);
        run("sendOneWayOrderly", destination, () -> producer.sendOneway(rocketMsg, messageQueueSelector, hashKey));
    }

    /** Sends a payload to the queue chosen by {@code hashKey} without any answer from the broker. */
    public void sendOneWayOrderly(String destination, Object payload, String hashKey) {
        sendOneWayOrderly(destination, messageOf(payload), hashKey);
    }

    // ---- transactions ----

    /**
     * Sends a half message, runs the {@code @RocketMQTransactionListener} of this template with {@code arg}, and
     * commits or rolls back by its answer.
     */
    public TransactionSendResult sendMessageInTransaction(String destination, Message<?> message, Object arg)
        throws MessagingException {
        if (!(producer instanceof TransactionMQProducer txProducer) || txProducer.getTransactionListener() == null) {
            throw new IllegalStateException("No @RocketMQTransactionListener serves this template: declare a bean "
                + "implementing RocketMQLocalTransactionListener with @RocketMQTransactionListener");
        }
        org.cometmq.common.message.Message rocketMsg = toRocketMessage(destination, message, 0);
        return call("sendMessageInTransaction", destination, () -> producer.sendMessageInTransaction(rocketMsg, arg));
    }

    // ---- request-reply ----

    /** Sends a request and waits for the reply of a {@code RocketMQReplyListener}, converted to {@code type}. */
    public <T> T sendAndReceive(String destination, Message<?> message, Type type) {
        return sendAndReceive(destination, message, type, null, producer.getSendMsgTimeout(), 0);
    }

    /** Sends a request payload and waits for the reply, converted to {@code type}. */
    public <T> T sendAndReceive(String destination, Object payload, Type type) {
        return sendAndReceive(destination, messageOf(payload), type);
    }

    /** Sends a request and waits at most {@code timeout} ms for the reply. */
    public <T> T sendAndReceive(String destination, Message<?> message, Type type, long timeout) {
        return sendAndReceive(destination, message, type, null, timeout, 0);
    }

    /** Sends a request payload and waits at most {@code timeout} ms for the reply. */
    public <T> T sendAndReceive(String destination, Object payload, Type type, long timeout) {
        return sendAndReceive(destination, messageOf(payload), type, timeout);
    }

    /** Sends a request with delay level {@code delayLevel} and waits at most {@code timeout} ms for the reply. */
    public <T> T sendAndReceive(String destination, Message<?> message, Type type, long timeout, int delayLevel) {
        return sendAndReceive(destination, message, type, null, timeout, delayLevel);
    }

    /** Sends a request to the queue chosen by {@code hashKey} and waits for the reply. */
    public <T> T sendAndReceive(String destination, Message<?> message, Type type, String hashKey) {
        return sendAndReceive(destination, message, type, hashKey, producer.getSendMsgTimeout(), 0);
    }

    /** Sends a request payload to the queue chosen by {@code hashKey} and waits for the reply. */
    public <T> T sendAndReceive(String destination, Object payload, Type type, String hashKey) {
        return sendAndReceive(destination, messageOf(payload), type, hashKey);
    }

    /** Sends a request (queue by {@code hashKey} if not null, delay level if &gt; 0) and waits for the reply. */
    @SuppressWarnings("unchecked")
    public <T> T sendAndReceive(String destination, Message<?> message, Type type, String hashKey, long timeout,
        int delayLevel) {
        org.cometmq.common.message.Message rocketMsg = toRocketMessage(destination, message, delayLevel);
        org.cometmq.common.message.Message reply = call("sendAndReceive", destination, () -> hashKey == null
            ? producer.request(rocketMsg, timeout) : producer.request(rocketMsg, messageQueueSelector, hashKey, timeout));
        return (T) new MessagePayloadConverter(getMessageConverter(), Charset.forName(charset), type).convert(reply);
    }

    /** Sends a request; the reply, converted to the callback's type argument, goes to {@code callback}. */
    public void sendAndReceive(String destination, Message<?> message, RocketMQLocalRequestCallback<?> callback) {
        sendAndReceive(destination, message, callback, null, producer.getSendMsgTimeout());
    }

    /** Sends a request payload; the reply goes to {@code callback}. */
    public void sendAndReceive(String destination, Object payload, RocketMQLocalRequestCallback<?> callback) {
        sendAndReceive(destination, messageOf(payload), callback);
    }

    /** Sends a request payload; the reply goes to {@code callback} unless {@code timeout} ms pass first. */
    public void sendAndReceive(String destination, Object payload, RocketMQLocalRequestCallback<?> callback,
        long timeout) {
        sendAndReceive(destination, messageOf(payload), callback, null, timeout);
    }

    /** Sends a request to the queue chosen by {@code hashKey}; the reply goes to {@code callback}. */
    public void sendAndReceive(String destination, Message<?> message, RocketMQLocalRequestCallback<?> callback,
        String hashKey) {
        sendAndReceive(destination, message, callback, hashKey, producer.getSendMsgTimeout());
    }

    /** Sends a request; the reply goes to {@code callback} unless {@code timeout} ms pass first. */
    public void sendAndReceive(String destination, Message<?> message, RocketMQLocalRequestCallback<?> callback,
        long timeout) {
        sendAndReceive(destination, message, callback, null, timeout);
    }

    /** Sends a request (queue by {@code hashKey} if not null); the reply goes to {@code callback}. */
    public void sendAndReceive(String destination, Message<?> message, RocketMQLocalRequestCallback<?> callback,
        String hashKey, long timeout) {
        org.cometmq.common.message.Message rocketMsg = toRocketMessage(destination, message, 0);
        LocalRequestCallbackAdapter adapter = new LocalRequestCallbackAdapter(callback,
            new MessagePayloadConverter(getMessageConverter(), Charset.forName(charset), callback,
                RocketMQLocalRequestCallback.class));
        run("sendAndReceive", destination, () -> {
            if (hashKey == null) {
                producer.request(rocketMsg, adapter, timeout);
            } else {
                producer.request(rocketMsg, messageQueueSelector, hashKey, adapter, timeout);
            }
        });
    }

    // ---- pull ----

    /** Polls the configured pull consumer ({@code rocketmq.consumer.*}) once and converts what arrived. */
    public <T> List<T> receive(Class<T> clazz) {
        return receive(clazz, consumer == null ? 5000 : consumer.getPollTimeoutMillis());
    }

    /** Polls the configured pull consumer, waiting at most {@code timeout} ms, and converts what arrived. */
    @SuppressWarnings("unchecked")
    public <T> List<T> receive(Class<T> clazz, long timeout) {
        Assert.state(consumer != null, "No pull consumer: set rocketmq.pull-consumer.group and rocketmq.pull-consumer.topic");
        List<MessageExt> polled = consumer.poll(timeout);
        MessagePayloadConverter converter = new MessagePayloadConverter(getMessageConverter(),
            Charset.forName(charset), clazz);
        List<T> payloads = new ArrayList<>(polled.size());
        for (MessageExt messageExt : polled) {
            payloads.add((T) converter.convert(messageExt));
        }
        return payloads;
    }

    // ---- Spring's MessageSendingOperations ----

    /** {@code send}/{@code convertAndSend} of Spring's template: a synchronous send. */
    @Override
    protected void doSend(String destination, Message<?> message) {
        syncSend(destination, message);
    }

    // ---- conversion and error wrapping ----

    private Message<?> messageOf(Object payload) {
        Assert.notNull(payload, "payload must not be null");
        return payload instanceof Message<?> message ? message : MessageBuilder.withPayload(payload).build();
    }

    private org.cometmq.common.message.Message toRocketMessage(String destination, Message<?> message,
        int delayLevel) {
        Assert.hasText(destination, "destination must not be empty (topic or topic:tags)");
        if (message == null || message.getPayload() == null) {
            throw new IllegalArgumentException("`message` and `message.payload` cannot be null");
        }
        org.cometmq.common.message.Message rocketMsg = RocketMQUtil.convertToRocketMessage(getMessageConverter(),
            charset, destination, message);
        if (delayLevel > 0) {
            rocketMsg.setDelayTimeLevel(delayLevel);
        }
        return rocketMsg;
    }

    private <T extends Message<?>> List<org.cometmq.common.message.Message> toRocketBatch(String destination,
        Collection<T> messages) {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("`messages` cannot be empty");
        }
        List<org.cometmq.common.message.Message> batch = new ArrayList<>(messages.size());
        for (Message<?> message : messages) {
            batch.add(toRocketMessage(destination, message, 0));
        }
        return batch;
    }

    private interface ClientCall<R> {
        R call() throws Exception;
    }

    private interface ClientRun {
        void run() throws Exception;
    }

    private <R> R call(String operation, String destination, ClientCall<R> clientCall) {
        Assert.state(producer != null, "The template has no producer: set rocketmq.producer.group");
        try {
            return clientCall.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException(operation + " to " + destination + " interrupted", e);
        } catch (RuntimeException e) {
            throw e instanceof MessagingException messaging ? messaging
                : new MessagingException(operation + " to " + destination + " failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new MessagingException(operation + " to " + destination + " failed: " + e.getMessage(), e);
        }
    }

    private void run(String operation, String destination, ClientRun clientRun) {
        call(operation, destination, () -> {
            clientRun.run();
            return null;
        });
    }

    // ---- lifecycle and properties ----

    /** Starts the producer and the pull consumer that are set. */
    @Override
    public void afterPropertiesSet() throws Exception {
        if (producer != null && !producerStarted) {
            producer.start();
            producerStarted = true;
        }
        if (consumer != null && !consumer.isRunning()) {
            consumer.start();
        }
    }

    /** Stops the producer and the pull consumer. */
    @Override
    public void destroy() {
        if (producer != null && producerStarted) {
            producerStarted = false;
            producer.shutdown();
        }
        if (consumer != null && consumer.isRunning()) {
            consumer.shutdown();
        }
    }

    /** Whether this template started its producer and has not stopped it. */
    public boolean isProducerStarted() {
        return producerStarted;
    }

    public DefaultMQProducer getProducer() {
        return producer;
    }

    public void setProducer(DefaultMQProducer producer) {
        this.producer = producer;
    }

    public DefaultLitePullConsumer getConsumer() {
        return consumer;
    }

    public void setConsumer(DefaultLitePullConsumer consumer) {
        this.consumer = consumer;
    }

    public String getCharset() {
        return charset;
    }

    public void setCharset(String charset) {
        this.charset = charset;
    }

    public MessageQueueSelector getMessageQueueSelector() {
        return messageQueueSelector;
    }

    public void setMessageQueueSelector(MessageQueueSelector messageQueueSelector) {
        this.messageQueueSelector = messageQueueSelector;
    }
}
