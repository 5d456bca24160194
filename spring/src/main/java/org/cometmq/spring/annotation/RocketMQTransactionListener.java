package org.cometmq.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Marks a {@code RocketMQLocalTransactionListener} bean as the local-transaction side of one template's
 * transactional sends. At most one per template.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface RocketMQTransactionListener {

    /** Threads kept for the broker's check-backs. */
    int corePoolSize() default 1;

    /** Largest number of check-back threads. */
    int maximumPoolSize() default 1;

    /** How long an idle check-back thread above the core size lives. */
    long keepAliveTime() default 1000 * 60;

    /** Unit of {@link #keepAliveTime()}. */
    TimeUnit keepAliveTimeUnit() default TimeUnit.MILLISECONDS;

    /** Check-backs queued before new ones are refused. */
    int blockingQueueSize() default 2000;

    /** Bean name of the template whose producer this listener serves. */
    String rocketMQTemplateBeanName() default "rocketMQTemplate";
}
