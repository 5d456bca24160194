package org.cometmq.spring.support;

import org.springframework.beans.factory.DisposableBean;

/** A consumer that feeds one listener bean. */
public interface RocketMQListenerContainer extends DisposableBean {
    /** The listener bean: a {@code RocketMQListener} or a {@code RocketMQReplyListener}. */
    void setupMessageListener(Object listener);
}
