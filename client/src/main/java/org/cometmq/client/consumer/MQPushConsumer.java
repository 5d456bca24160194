package org.cometmq.client.consumer;

import org.cometmq.client.consumer.listener.MessageListener;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.consumer.listener.MessageListenerOrderly;
import org.cometmq.client.exception.MQClientException;

/** A consumer that pulls in the background and hands messages to a registered listener. */
public interface MQPushConsumer extends MQConsumer {

    void start() throws MQClientException;

    void shutdown();

    /** @deprecated register a {@link MessageListenerConcurrently} or {@link MessageListenerOrderly} */
    @Deprecated
    void registerMessageListener(MessageListener messageListener);

    void registerMessageListener(MessageListenerConcurrently messageListener);

    void registerMessageListener(MessageListenerOrderly messageListener);

    /** @param subExpression {@code "*"} (or null) for all messages, or tags joined by {@code ||} */
    void subscribe(String topic, String subExpression) throws MQClientException;

    /** @deprecated class filters are not supported; always throws */
    @Deprecated
    void subscribe(String topic, String fullClassName, String filterClassSource) throws MQClientException;

    /** Subscribes with a tag or SQL92 selector; {@code null} means all messages. */
    void subscribe(String topic, MessageSelector selector) throws MQClientException;

    void unsubscribe(String topic);

    /** Changes the number of consume threads. */
    void updateCorePoolSize(int corePoolSize);

    /** Stops pulling until {@link #resume()}; already pulled messages are still consumed. */
    void suspend();

    void resume();
}
