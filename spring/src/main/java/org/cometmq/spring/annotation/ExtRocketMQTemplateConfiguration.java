package org.cometmq.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Declares a second template: put it on a subclass of {@code RocketMQTemplate}; the starter gives that bean a
 * producer of its own, configured from these attributes (placeholders allowed), and starts it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface ExtRocketMQTemplateConfiguration {

    /** The bean name; empty means the default name of the class. */
    @AliasFor(annotation = Component.class)
    String value() default "";

    /** Name servers; defaults to {@code rocketmq.name-server}. */
    String nameServer() default "${rocketmq.name-server:}";

    /** LOCAL or CLOUD. */
    String accessChannel() default "";

    /** The producer group (required). */
    String group() default "${rocketmq.producer.group:}";

    /** Milliseconds a send may take. */
    int sendMessageTimeout() default 3000;

    /** Bodies larger than this many bytes are compressed. */
    int compressMessageBodyThreshold() default 1024 * 4;

    /** Retries of a failed synchronous send. */
    int retryTimesWhenSendFailed() default 2;

    /** Retries of a failed asynchronous send. */
    int retryTimesWhenSendAsyncFailed() default 2;

    /** Whether a send the broker did not store OK is retried on another broker. */
    boolean retryNextServer() default false;

    /** Largest body in bytes. */
    int maxMessageSize() default 1024 * 1024 * 4;

    /** Access key for an ACL-enabled broker. */
    String accessKey() default "${rocketmq.producer.access-key:}";

    /** Secret key for an ACL-enabled broker. */
    String secretKey() default "${rocketmq.producer.secret-key:}";

    /** Whether the producer records message traces. */
    boolean enableMsgTrace() default false;

    /** Topic of the traces. */
    String customizedTraceTopic() default "${rocketmq.producer.customized-trace-topic:}";

    /** "true" to talk TLS to the brokers. */
    String tlsEnable() default "false";

    /** Namespace of the group and topics. */
    String namespace() default "";

    /** The client instance name. */
    String instanceName() default "DEFAULT";
}
