package org.cometmq.client.impl.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.client.latency.MQFaultStrategy;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The send-retry policy of every mode against every kind of failure, as 4.9.7 behaves: how many attempts, on which
 * brokers, and what the caller finally gets. Every attempt fails the same way; the topic has one queue on each of
 * broker-a and broker-b; retries are the defaults (2 sync, 2 async) and retryAnotherBrokerWhenNotStoreOK is on.
 */
class SendRetryPolicyTest {
    private static final MessageQueue QUEUE_A = new MessageQueue("TopicTest", "broker-a", 0);
    private static final MessageQueue QUEUE_B = new MessageQueue("TopicTest", "broker-b", 0);
    /** Never moved: no time passes during a send, so no timeout budget runs out and every cost is 0 ms. */
    private static final ManualClock CLOCK = new ManualClock(1_000_000L);

    /** How an attempt fails. */
    enum Failure {
        /** The remoting layer refused the request (not connected): thrown, never sent. */
        REMOTING_REFUSED,
        /** Sent, no answer in time (sync: thrown; async: reported to the callback). */
        NO_ANSWER,
        /** The broker answered with an error listed in retryResponseCodes (SERVICE_NOT_AVAILABLE). */
        RETRYABLE_BROKER_ERROR,
        /** The broker answered with an error not listed there (MESSAGE_ILLEGAL). */
        FINAL_BROKER_ERROR,
        /** The broker stored the message but not as asked (FLUSH_DISK_TIMEOUT). */
        STORED_NOT_OK,
        /** The request never left the client (no address for the broker). */
        NOT_SENT
    }

    /** How the caller sends. */
    enum Mode {
        SYNC, ASYNC, ONEWAY, SYNC_TO_QUEUE, ASYNC_TO_QUEUE
    }

    @ParameterizedTest(name = "{0} x {1} -> {2} attempts on [{3}], {4}")
    @CsvSource({
        "SYNC,           REMOTING_REFUSED,       3, broker-a broker-b broker-a, MQClientException 10001",
        "SYNC,           NO_ANSWER,              3, broker-a broker-b broker-a, MQClientException 10002",
        "SYNC,           RETRYABLE_BROKER_ERROR, 3, broker-a broker-b broker-a, MQClientException 14",
        "SYNC,           FINAL_BROKER_ERROR,     1, broker-a,                   MQBrokerException 13",
        "SYNC,           STORED_NOT_OK,          3, broker-a broker-b broker-a, SendResult FLUSH_DISK_TIMEOUT",
        "SYNC,           NOT_SENT,               3, broker-a broker-b broker-a, MQClientException 10003",
        "ASYNC,          REMOTING_REFUSED,       3, broker-a broker-b broker-a, RemotingConnectException",
        "ASYNC,          NO_ANSWER,              3, broker-a broker-b broker-a, MQClientException -1",
        "ASYNC,          RETRYABLE_BROKER_ERROR, 1, broker-a,                   MQBrokerException 14",
        "ASYNC,          FINAL_BROKER_ERROR,     1, broker-a,                   MQBrokerException 13",
        "ASYNC,          STORED_NOT_OK,          1, broker-a,                   SendResult FLUSH_DISK_TIMEOUT",
        "ASYNC,          NOT_SENT,               1, broker-a,                   MQClientException 10003",
        "ONEWAY,         REMOTING_REFUSED,       1, broker-a,                   MQClientException 10001",
        "ONEWAY,         NOT_SENT,               1, broker-a,                   MQClientException 10003",
        "SYNC_TO_QUEUE,  REMOTING_REFUSED,       1, broker-a,                   RemotingConnectException",
        "SYNC_TO_QUEUE,  NO_ANSWER,              1, broker-a,                   RemotingTimeoutException",
        "SYNC_TO_QUEUE,  RETRYABLE_BROKER_ERROR, 1, broker-a,                   MQBrokerException 14",
        "ASYNC_TO_QUEUE, REMOTING_REFUSED,       3, broker-a broker-a broker-a, RemotingConnectException",
        "ASYNC_TO_QUEUE, NO_ANSWER,              3, broker-a broker-a broker-a, MQClientException -1",
        "ASYNC_TO_QUEUE, RETRYABLE_BROKER_ERROR, 1, broker-a,                   MQBrokerException 14",
        "ASYNC_TO_QUEUE, NOT_SENT,               1, broker-a,                   MQClientException -1",
    })
    void attemptsBrokersAndOutcome(Mode mode, Failure failure, int attempts, String brokers, String outcome)
        throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("pg");
        producer.setRetryAnotherBrokerWhenNotStoreOK(true);
        FailingAttempt attempt = new FailingAttempt(failure);
        SendRetryPolicy policy = new SendRetryPolicy(producer, new MQFaultStrategy(), attempt, CLOCK);

        String actual = describe(send(policy, mode, new Message("TopicTest", new byte[] {1})));

        assertEquals(outcome, actual);
        assertEquals(attempts, attempt.brokers.size());
        assertEquals(brokers, String.join(" ", attempt.brokers));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SYNC", "ASYNC"})
    void exhaustedSendsSayHowOftenAndWhere(Mode mode) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("pg");
        SendRetryPolicy policy = new SendRetryPolicy(producer, new MQFaultStrategy(),
            new FailingAttempt(Failure.NOT_SENT), CLOCK);
        Object result = send(policy, mode, new Message("TopicTest", new byte[] {1}));
        String message = ((MQClientException) result).getErrorMessage();
        String expected = mode == Mode.SYNC ? "Send [3] times, still failed" : "Send [1] times, still failed";
        assertTrue(message.startsWith(expected + ", cost [0]ms"), message);
        String brokersSent = mode == Mode.SYNC ? "BrokersSent: [broker-a, broker-b, broker-a]"
            : "BrokersSent: [broker-a]";
        assertTrue(message.contains(brokersSent), message);
    }

    private static Object send(SendRetryPolicy policy, Mode mode, Message msg) throws Exception {
        TopicPublishInfo tpInfo = new TopicPublishInfo();
        tpInfo.setMessageQueueList(List.of(QUEUE_A, QUEUE_B));
        tpInfo.getSendWhichQueue().reset(-1);
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        try {
            switch (mode) {
                case SYNC -> outcome.complete(policy.sendToAnyQueue(msg, tpInfo, CommunicationMode.SYNC,
                    CLOCK.millis(), 3000));
                case ONEWAY -> outcome.complete(policy.sendToAnyQueue(msg, tpInfo, CommunicationMode.ONEWAY,
                    CLOCK.millis(), 3000));
                case SYNC_TO_QUEUE -> outcome.complete(policy.sendToQueue(msg, QUEUE_A, CommunicationMode.SYNC, 3000));
                case ASYNC -> policy.sendToAnyQueueAsync(msg, tpInfo, completing(outcome), 3000);
                case ASYNC_TO_QUEUE -> policy.sendToQueueAsync(msg, QUEUE_A, completing(outcome), 3000);
            }
        } catch (Exception e) {
            outcome.complete(e);
        }
        return outcome.getNow("no outcome");
    }

    private static SendCallback completing(CompletableFuture<Object> outcome) {
        return new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
                outcome.complete(sendResult);
            }

            @Override
            public void onException(Throwable e) {
                outcome.complete(e);
            }
        };
    }

    private static String describe(Object outcome) {
        if (outcome instanceof SendResult result) {
            return "SendResult " + result.getSendStatus();
        }
        if (outcome instanceof MQClientException e) {
            return "MQClientException " + e.getResponseCode();
        }
        if (outcome instanceof MQBrokerException e) {
            return "MQBrokerException " + e.getResponseCode();
        }
        return outcome == null ? "null" : outcome.getClass().getSimpleName();
    }

    /** An attempt that fails in one way every time, recording the broker it was sent to. */
    private static final class FailingAttempt implements SendAttempt {
        private final Failure failure;
        private final List<String> brokers = new ArrayList<>();

        FailingAttempt(Failure failure) {
            this.failure = failure;
        }

        @Override
        public SendResult send(Message msg, MessageQueue mq, CommunicationMode mode, SendCallback callback,
            long timeout) throws MQClientException, RemotingException, MQBrokerException {
            brokers.add(mq.getBrokerName());
            boolean async = mode == CommunicationMode.ASYNC;
            switch (failure) {
                case REMOTING_REFUSED -> throw new RemotingConnectException("127.0.0.1:1");
                case NOT_SENT -> throw new MQClientException("The broker[" + mq.getBrokerName() + "] not exist", null);
                case NO_ANSWER -> {
                    if (!async) {
                        throw new RemotingTimeoutException("wait response timeout");
                    }
                    callback.onException(new MQClientException("wait response timeout 3000ms", null));
                }
                case RETRYABLE_BROKER_ERROR, FINAL_BROKER_ERROR -> {
                    int code = failure == Failure.RETRYABLE_BROKER_ERROR ? ResponseCode.SERVICE_NOT_AVAILABLE
                        : ResponseCode.MESSAGE_ILLEGAL;
                    MQBrokerException refusal = new MQBrokerException(code, "refused", "127.0.0.1:10911");
                    if (!async) {
                        throw refusal;
                    }
                    callback.onException(refusal);
                }
                case STORED_NOT_OK -> {
                    SendResult stored = new SendResult(SendStatus.FLUSH_DISK_TIMEOUT, "id", "offsetId", mq, 0);
                    if (!async) {
                        return stored;
                    }
                    callback.onSuccess(stored);
                }
            }
            return null;
        }
    }
}
