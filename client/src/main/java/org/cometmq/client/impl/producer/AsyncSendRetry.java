package org.cometmq.client.impl.producer;

import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.exception.RemotingTooMuchRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One asynchronous send with its retries: when an attempt fails without a broker answer (connection, timeout), the
 * next attempt goes to a queue on another broker, up to {@code retryTimes} more times within the overall timeout.
 * A broker's refusal (MQBrokerException) is reported at once. The user callback is called exactly once.
 */
final class AsyncSendRetry {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncSendRetry.class);

    private final DefaultMQProducerImpl producer;
    private final Message msg;
    private final TopicPublishInfo tpInfo;
    private final SendCallback userCallback;
    private final long timeout;
    private final int retryTimes;
    private final long begin = System.currentTimeMillis();

    AsyncSendRetry(DefaultMQProducerImpl producer, Message msg, TopicPublishInfo tpInfo, SendCallback userCallback,
        long timeout, int retryTimes) {
        this.producer = producer;
        this.msg = msg;
        this.tpInfo = tpInfo;
        this.userCallback = userCallback;
        this.timeout = timeout;
        this.retryTimes = retryTimes;
    }

    void start() {
        attempt(0, null);
    }

    private void attempt(int times, String lastBrokerName) {
        MessageQueue mq = producer.selectOneMessageQueue(tpInfo, lastBrokerName);
        long attemptBegin = System.currentTimeMillis();
        long remaining = timeout - (attemptBegin - begin);
        if (remaining <= 0) {
            userCallback.onException(new RemotingTooMuchRequestException("DEFAULT ASYNC send call timeout after "
                + times + " attempts"));
            return;
        }
        SendCallback attemptCallback = new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
                producer.updateFaultItem(mq.getBrokerName(), System.currentTimeMillis() - attemptBegin, false);
                userCallback.onSuccess(sendResult);
            }

            @Override
            public void onException(Throwable e) {
                producer.updateFaultItem(mq.getBrokerName(), System.currentTimeMillis() - attemptBegin, true);
                retryOrFail(times, mq, e);
            }
        };
        if (times > 0) {
            msg.setTopic(producer.getDefaultMQProducer().withNamespace(msg.getTopic()));
        }
        try {
            producer.kernel().send(msg, mq, CommunicationMode.ASYNC, attemptCallback, remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            userCallback.onException(e);
        } catch (Exception e) {
            attemptCallback.onException(e);
        }
    }

    private void retryOrFail(int times, MessageQueue mq, Throwable e) {
        boolean retryable = !(e instanceof MQBrokerException) && e instanceof Exception;
        if (retryable && times < retryTimes) {
            LOG.warn("async send to {} failed (attempt {} of {}), trying another queue: {}", mq, times + 1,
                retryTimes + 1, e.toString());
            attempt(times + 1, mq.getBrokerName());
            return;
        }
        if (times == 0 || !(e instanceof Exception cause)) {
            userCallback.onException(e);
        } else {
            userCallback.onException(DefaultMQProducerImpl.sendFailed(String.format(
                "Send [%d] times, still failed, cost [%d]ms, Topic: %s", times + 1,
                System.currentTimeMillis() - begin, msg.getTopic()), cause));
        }
    }
}
