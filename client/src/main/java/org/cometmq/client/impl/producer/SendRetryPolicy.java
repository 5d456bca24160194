package org.cometmq.client.impl.producer;

import java.time.Clock;
import java.util.Arrays;
import org.cometmq.client.common.ClientErrorCode;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.client.latency.MQFaultStrategy;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.common.help.FAQUrl;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.cometmq.remoting.exception.RemotingTooMuchRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's one send-retry policy, per mode as the 4.9.7 client has it.
 * <ul>
 * <li>SYNC to any queue: up to 1 + retryTimesWhenSendFailed attempts within the timeout, each on another broker
 * than the last. The next attempt follows a client or remoting failure, a broker error whose code is in
 * retryResponseCodes, and a stored-but-not-OK answer when retryAnotherBrokerWhenNotStoreOK is set; any other
 * broker error ends the send at once.</li>
 * <li>ASYNC (to any queue or to a chosen one): up to retryTimesWhenSendAsyncFailed more attempts, only after a
 * failure that got no answer from the broker (not connected, not sent, timed out); an answer, error or not, ends
 * the send, and so does a first attempt that never left the client. Retries of a send to any queue move to another
 * broker, retries of a send to a chosen queue stay on it. The user's callback hears once, of the last outcome.</li>
 * <li>ONEWAY, and SYNC to a chosen queue: one attempt.</li>
 * </ul>
 * Every attempt to any queue tells the fault strategy its latency, isolating the broker after a failure.
 */
final class SendRetryPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(SendRetryPolicy.class);

    private final DefaultMQProducer producer;
    private final MQFaultStrategy faults;
    private final SendAttempt attempt;
    private final Clock clock;

    /** {@code clock} times the attempts: the caller's timeout budget and each attempt's latency. */
    SendRetryPolicy(DefaultMQProducer producer, MQFaultStrategy faults, SendAttempt attempt, Clock clock) {
        this.producer = producer;
        this.faults = faults;
        this.attempt = attempt;
        this.clock = clock;
    }

    /** One SYNC or ONEWAY attempt to {@code mq}; no retry. */
    SendResult sendToQueue(Message msg, MessageQueue mq, CommunicationMode mode, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return attempt.send(msg, mq, mode, null, timeout);
    }

    /**
     * SYNC (with retries) or ONEWAY (one attempt) to a queue of {@code tpInfo} chosen by the fault strategy;
     * {@code begin} is when the caller's timeout started. ONEWAY returns null.
     */
    SendResult sendToAnyQueue(Message msg, TopicPublishInfo tpInfo, CommunicationMode mode, long begin, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        int timesTotal = mode == CommunicationMode.SYNC ? 1 + producer.getRetryTimesWhenSendFailed() : 1;
        String[] brokersSent = new String[timesTotal];
        MessageQueue mq = null;
        Exception exception = null;
        SendResult sendResult = null;
        int times = 0;
        for (; times < timesTotal; times++) {
            mq = faults.selectOneMessageQueue(tpInfo, mq == null ? null : mq.getBrokerName());
            brokersSent[times] = mq.getBrokerName();
            long beginPrev = clock.millis();
            if (times > 0) {
                msg.setTopic(producer.withNamespace(msg.getTopic()));
            }
            long spent = beginPrev - begin;
            if (timeout < spent) {
                if (sendResult != null) {
                    return sendResult;
                }
                throw new RemotingTooMuchRequestException("sendDefaultImpl call timeout: " + timeout
                    + " ms spent after " + times + " attempts to " + Arrays.toString(brokersSent));
            }
            try {
                sendResult = attempt.send(msg, mq, mode, null, timeout - spent);
                faults.updateFaultItem(mq.getBrokerName(), clock.millis() - beginPrev, false);
                if (mode != CommunicationMode.SYNC) {
                    return null;
                }
                if (sendResult.getSendStatus() == SendStatus.SEND_OK
                    || !producer.isRetryAnotherBrokerWhenNotStoreOK()) {
                    return sendResult;
                }
            } catch (RemotingException | MQClientException | MQBrokerException e) {
                faults.updateFaultItem(mq.getBrokerName(), clock.millis() - beginPrev, true);
                LOG.warn("send to {} failed (attempt {} of {}): {}", mq, times + 1, timesTotal, e.toString());
                exception = e;
                if (e instanceof MQBrokerException be
                    && !producer.getRetryResponseCodes().contains(be.getResponseCode())) {
                    if (sendResult != null) {
                        return sendResult;
                    }
                    throw be;
                }
            } catch (InterruptedException e) {
                faults.updateFaultItem(mq.getBrokerName(), clock.millis() - beginPrev, false);
                throw e;
            }
        }
        if (sendResult != null) {
            return sendResult;
        }
        throw sendFailed(times, clock.millis() - begin, msg, brokersSent, exception);
    }

    /** ASYNC to a queue of {@code tpInfo} chosen by the fault strategy, another broker on each retry. */
    void sendToAnyQueueAsync(Message msg, TopicPublishInfo tpInfo, SendCallback callback, long timeout) {
        new AsyncSend(msg, tpInfo, null, callback, timeout).attempt(0, null);
    }

    /** ASYNC to {@code mq}, retried on the same queue. */
    void sendToQueueAsync(Message msg, MessageQueue mq, SendCallback callback, long timeout) {
        new AsyncSend(msg, null, mq, callback, timeout).attempt(0, null);
    }

    /** The exception reported after the last attempt failed, carrying the most telling response code. */
    static MQClientException sendFailed(int times, long costMillis, Message msg, String[] brokersSent,
        Exception cause) {
        String info = String.format("Send [%d] times, still failed, cost [%d]ms, Topic: %s, BrokersSent: %s", times,
            costMillis, msg.getTopic(), Arrays.toString(brokersSent))
            + FAQUrl.suggestTodo(FAQUrl.DEFAULT_FAQ_URL);
        MQClientException e = new MQClientException(info, cause);
        if (cause instanceof MQBrokerException be) {
            e.setResponseCode(be.getResponseCode());
        } else if (cause instanceof RemotingConnectException) {
            e.setResponseCode(ClientErrorCode.CONNECT_BROKER_EXCEPTION);
        } else if (cause instanceof RemotingTimeoutException) {
            e.setResponseCode(ClientErrorCode.ACCESS_BROKER_TIMEOUT);
        } else if (cause instanceof MQClientException) {
            e.setResponseCode(ClientErrorCode.BROKER_NOT_EXIST_EXCEPTION);
        }
        return e;
    }

    /** True when the failure carries the broker's answer (an error code, or an answer that did not decode). */
    static boolean answeredByBroker(Throwable e) {
        return e instanceof MQBrokerException || e instanceof RemotingCommandException;
    }

    /** One asynchronous send with its retries; each attempt's outcome arrives on a remoting callback thread. */
    private final class AsyncSend {
        private final Message msg;
        private final TopicPublishInfo tpInfo;
        private final MessageQueue chosenQueue;
        private final SendCallback userCallback;
        private final long timeout;
        private final long begin = clock.millis();

        AsyncSend(Message msg, TopicPublishInfo tpInfo, MessageQueue chosenQueue, SendCallback userCallback,
            long timeout) {
            this.msg = msg;
            this.tpInfo = tpInfo;
            this.chosenQueue = chosenQueue;
            this.userCallback = userCallback;
            this.timeout = timeout;
        }

        void attempt(int times, String lastBrokerName) {
            MessageQueue mq = tpInfo != null ? faults.selectOneMessageQueue(tpInfo, lastBrokerName) : chosenQueue;
            long attemptBegin = clock.millis();
            long remaining = timeout - (attemptBegin - begin);
            if (remaining <= 0) {
                userCallback.onException(new RemotingTooMuchRequestException("DEFAULT ASYNC send call timeout after "
                    + times + " attempts"));
                return;
            }
            if (times > 0) {
                msg.setTopic(producer.withNamespace(msg.getTopic()));
            }
            try {
                attempt.send(msg, mq, CommunicationMode.ASYNC, attemptCallback(times, mq, attemptBegin), remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                userCallback.onException(e);
            } catch (MQClientException e) {
                notSent(times, mq, attemptBegin, e);
            } catch (Exception e) {
                failed(times, mq, attemptBegin, e);
            }
        }

        private SendCallback attemptCallback(int times, MessageQueue mq, long attemptBegin) {
            return new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    faults.updateFaultItem(mq.getBrokerName(), clock.millis() - attemptBegin, false);
                    userCallback.onSuccess(sendResult);
                }

                @Override
                public void onException(Throwable e) {
                    failed(times, mq, attemptBegin, e);
                }
            };
        }

        /** The attempt never left the client: a first attempt ends the send, a retry counts as a failed one. */
        private void notSent(int times, MessageQueue mq, long attemptBegin, MQClientException e) {
            if (times > 0) {
                failed(times, mq, attemptBegin, e);
            } else if (tpInfo == null) {
                userCallback.onException(e);
            } else {
                faults.updateFaultItem(mq.getBrokerName(), clock.millis() - attemptBegin, true);
                String[] brokersSent = {mq.getBrokerName()};
                userCallback.onException(sendFailed(1, clock.millis() - begin, msg, brokersSent, e));
            }
        }

        private void failed(int times, MessageQueue mq, long attemptBegin, Throwable e) {
            faults.updateFaultItem(mq.getBrokerName(), clock.millis() - attemptBegin, true);
            boolean retryable = e instanceof Exception && !answeredByBroker(e);
            if (retryable && times < producer.getRetryTimesWhenSendAsyncFailed()) {
                LOG.warn("async send to {} failed (attempt {} of {}), trying again: {}", mq, times + 1,
                    producer.getRetryTimesWhenSendAsyncFailed() + 1, e.toString());
                attempt(times + 1, mq.getBrokerName());
                return;
            }
            userCallback.onException(e);
        }
    }
}
