package org.cometmq.client.impl.consumer;

import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.ServiceState;

/**
 * The live state of one push consumer that its pull loop reads: whether it runs, is paused, consumes orderly,
 * and how long a failed pull waits. Owned by the consumer, handed to the parts that need it.
 */
final class PushConsumerState {
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;
    private volatile boolean pause;
    private volatile boolean consumeOrderly;
    private volatile long pullTimeDelayMillsWhenException = 3000;

    ServiceState serviceState() {
        return serviceState;
    }

    void setServiceState(ServiceState serviceState) {
        this.serviceState = serviceState;
    }

    boolean isRunning() {
        return serviceState == ServiceState.RUNNING;
    }

    /** Throws unless running; the message names {@code group} and says what to do. */
    void checkRunning(String group) throws MQClientException {
        if (serviceState != ServiceState.RUNNING) {
            throw new MQClientException("The push consumer of group " + group + " is " + serviceState
                + ", not RUNNING: call start() first", null);
        }
    }

    boolean isPause() {
        return pause;
    }

    void setPause(boolean pause) {
        this.pause = pause;
    }

    boolean isConsumeOrderly() {
        return consumeOrderly;
    }

    void setConsumeOrderly(boolean consumeOrderly) {
        this.consumeOrderly = consumeOrderly;
    }

    long pullTimeDelayMillsWhenException() {
        return pullTimeDelayMillsWhenException;
    }

    void setPullTimeDelayMillsWhenException(long pullTimeDelayMillsWhenException) {
        this.pullTimeDelayMillsWhenException = pullTimeDelayMillsWhenException;
    }
}
