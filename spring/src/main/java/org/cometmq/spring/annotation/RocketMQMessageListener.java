package org.cometmq.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code RocketMQListener} or {@code RocketMQReplyListener} bean: the starter creates one push consumer for
 * it, started and stopped with the application context. String attributes may hold {@code ${...}} placeholders,
 * resolved from the environment.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RocketMQMessageListener {
    String NAME_SERVER_PLACEHOLDER = "${rocketmq.name-server:}";
    String ACCESS_KEY_PLACEHOLDER = "${rocketmq.consumer.access-key:}";
    String SECRET_KEY_PLACEHOLDER = "${rocketmq.consumer.secret-key:}";
    String TRACE_TOPIC_PLACEHOLDER = "${rocketmq.consumer.customized-trace-topic:}";
    String ACCESS_CHANNEL_PLACEHOLDER = "${rocketmq.access-channel:}";

    /** The consumer group; unique per listener within the application. */
    String consumerGroup();

    /** The subscribed topic. */
    String topic();

    /** How {@link #selectorExpression()} is read. */
    SelectorType selectorType() default SelectorType.TAG;

    /** Tags ({@code "a || b"}, {@code "*"}) or an SQL92 condition. */
    String selectorExpression() default "*";

    /** Concurrent or orderly delivery. */
    ConsumeMode consumeMode() default ConsumeMode.CONCURRENTLY;

    /** Clustering or broadcasting. */
    MessageModel messageModel() default MessageModel.CLUSTERING;

    /** Largest number of consuming threads. */
    int consumeThreadMax() default 64;

    /** Number of consuming threads kept (capped by {@link #consumeThreadMax()}). */
    int consumeThreadNumber() default 20;

    /** Redeliveries before a message goes to the dead-letter queue; -1 means the client's default (16). */
    int maxReconsumeTimes() default -1;

    /** Minutes a message may take to consume before it is redelivered. */
    long consumeTimeout() default 15L;

    /** Milliseconds a reply may take ({@code RocketMQReplyListener}). */
    int replyTimeout() default 3000;

    /** Access key for an ACL-enabled broker. */
    String accessKey() default ACCESS_KEY_PLACEHOLDER;

    /** Secret key for an ACL-enabled broker. */
    String secretKey() default SECRET_KEY_PLACEHOLDER;

    /** Whether the consumer records message traces. */
    boolean enableMsgTrace() default false;

    /** Topic of the traces; empty means the default trace topic. */
    String customizedTraceTopic() default TRACE_TOPIC_PLACEHOLDER;

    /** Name servers, {@code host:port;host:port}; defaults to {@code rocketmq.name-server}. */
    String nameServer() default NAME_SERVER_PLACEHOLDER;

    /** LOCAL or CLOUD; defaults to {@code rocketmq.access-channel}. */
    String accessChannel() default ACCESS_CHANNEL_PLACEHOLDER;

    /** "true" to talk TLS to the brokers. */
    String tlsEnable() default "false";

    /** Namespace of the group and topic. */
    String namespace() default "";

    /** Delay level of a redelivery in concurrent mode: -1 straight to the DLQ, 0 the broker decides. */
    int delayLevelWhenNextConsume() default 0;

    /** Milliseconds an orderly queue pauses after a failed message. */
    int suspendCurrentQueueTimeMillis() default 1000;

    /** Milliseconds the consumer waits for running listeners when it shuts down. */
    int awaitTerminationMillisWhenShutdown() default 1000;

    /** The client instance name. */
    String instanceName() default "DEFAULT";
}
