package org.cometmq.test.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/**
 * The broker's {@code waitTimeMillsInSendQueue}, changed at run time with updateBrokerConfig: with 0 ms, sends
 * that are still queued when the broker looks are answered SYSTEM_BUSY at once with 4.9.7's remark; every other
 * send succeeds, and none times out at the client.
 */
final class SendQueueBusyCheck {
    static final String REMARK_PREFIX = "[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while, period in"
        + " queue: ";
    private static final String BUSY = "SYSTEM_BUSY " + REMARK_PREFIX;
    private static final int SENDS = 3_000;
    private static final int MAX_BURSTS = 5;
    private static final int BODY_BYTES = 3_000;

    private final StoreFidelityFixture fixture;

    SendQueueBusyCheck(StoreFidelityFixture fixture) {
        this.fixture = fixture;
    }

    void run() throws Exception {
        String topic = fixture.createTopic("FidBusy", 1);
        setWaitTime("0");
        Map<String, Integer> outcomes = new TreeMap<>();
        int bursts = 0;
        try {
            // a quiet machine may drain the queue faster than the client fills it: burst again, a bounded number
            while (bursts < MAX_BURSTS && outcomes.getOrDefault(BUSY, 0) == 0) {
                burst(topic).forEach((outcome, count) -> outcomes.merge(outcome, count, Integer::sum));
                bursts++;
            }
        } finally {
            setWaitTime("200");
        }
        int busy = outcomes.getOrDefault(BUSY, 0);
        int ok = outcomes.getOrDefault(SendStatus.SEND_OK.name(), 0);
        assertTrue(busy > 0, "some queued sends answered SYSTEM_BUSY: " + outcomes);
        assertEquals(SENDS * bursts, busy + ok, "every send either stored or refused as busy: " + outcomes);
        assertEquals("200", fixture.admin().getBrokerConfig(fixture.cluster().brokerAddr())
            .getProperty("waitTimeMillsInSendQueue"));
        SendResult after = fixture.producer().send(StoreFidelityFixture.message(topic, "TagB", null, "after"));
        assertEquals(SendStatus.SEND_OK, after.getSendStatus());
    }

    private void setWaitTime(String millis) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("waitTimeMillsInSendQueue", millis);
        fixture.admin().updateBrokerConfig(fixture.cluster().brokerAddr(), properties);
    }

    /** Sends asynchronously as fast as the client can and counts the outcomes by status or error. */
    private Map<String, Integer> burst(String topic) throws Exception {
        byte[] body = new byte[BODY_BYTES];
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (int i = 0; i < SENDS; i++) {
            CompletableFuture<String> outcome = new CompletableFuture<>();
            fixture.producer().send(new Message(topic, "TagB", body), new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    outcome.complete(result.getSendStatus().name());
                }

                @Override
                public void onException(Throwable e) {
                    outcome.complete(describe(e));
                }
            });
            futures.add(outcome);
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (CompletableFuture<String> future : futures) {
            outcomes.merge(future.get(60, TimeUnit.SECONDS), 1, Integer::sum);
        }
        return outcomes;
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof MQBrokerException)) {
            cause = cause.getCause();
        }
        if (cause instanceof MQBrokerException broker && broker.getResponseCode() == 2) {
            String remark = String.valueOf(broker.getErrorMessage());
            return "SYSTEM_BUSY " + (remark.startsWith(REMARK_PREFIX) ? REMARK_PREFIX : remark);
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
