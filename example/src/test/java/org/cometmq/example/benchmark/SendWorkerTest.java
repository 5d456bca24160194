package org.cometmq.example.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SendWorkerTest {

    private static ProducerOptions options(String... args) {
        return ProducerOptions.parse(args, Map.of());
    }

    private static SendResult result(SendStatus status) {
        SendResult result = new SendResult();
        result.setSendStatus(status);
        return result;
    }

    private static long successes(SendStats stats) {
        return stats.latencyMicros().intervalHistogram(null).getTotalCount();
    }

    @Test
    void syncWorkerSendsUntilTheCountBoundAndCountsEveryOutcome() throws Exception {
        DefaultMQProducer producer = mock(DefaultMQProducer.class);
        AtomicInteger calls = new AtomicInteger();
        when(producer.send(any(Message.class))).thenAnswer(invocation -> switch (calls.incrementAndGet()) {
            case 2 -> throw new MQClientException("no route", null);
            case 3 -> result(SendStatus.FLUSH_DISK_TIMEOUT);
            default -> result(SendStatus.SEND_OK);
        });
        ProducerOptions options = options("-m", "6", "-s", "16", "-c", "2", "-k");
        SendStats stats = new SendStats();

        new SendWorker(producer, new BenchmarkMessages(options), stats, new AtomicLong(), options.bound(),
            () -> false, null, new SendPacer(0)).run();

        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        verify(producer, times(6)).send(sent.capture());
        assertEquals(4, successes(stats));
        assertEquals(2, stats.failures());
        Message third = sent.getAllValues().get(2);
        assertEquals("BenchmarkTest", third.getTopic());
        assertEquals(16, third.getBody().length);
        assertEquals("tag0", third.getTags());
        assertEquals("tag1", sent.getAllValues().get(3).getTags());
        assertEquals("bench-" + ProcessHandle.current().pid() + "-2", third.getKeys());
    }

    @Test
    void asyncWorkerReleasesItsInFlightSlotOnEveryCallback() throws Exception {
        DefaultMQProducer producer = mock(DefaultMQProducer.class);
        List<SendCallback> callbacks = new ArrayList<>();
        doAnswer(invocation -> callbacks.add(invocation.getArgument(1)))
            .when(producer).send(any(Message.class), any(SendCallback.class));
        ProducerOptions options = options("-a", "-m", "3", "-q", "3");
        Semaphore inFlight = new Semaphore(3);
        SendStats stats = new SendStats();

        new SendWorker(producer, new BenchmarkMessages(options), stats, new AtomicLong(), options.bound(),
            () -> false, inFlight, new SendPacer(0)).run();
        assertEquals(3, callbacks.size());
        assertEquals(0, inFlight.availablePermits());

        callbacks.get(0).onSuccess(result(SendStatus.SEND_OK));
        callbacks.get(1).onSuccess(result(SendStatus.SLAVE_NOT_AVAILABLE));
        callbacks.get(2).onException(new IllegalStateException("timeout"));

        assertEquals(3, inFlight.availablePermits());
        assertEquals(1, successes(stats));
        assertEquals(2, stats.failures());
    }

    @Test
    void aStopRequestEndsTheWorkerBeforeItSends() throws Exception {
        DefaultMQProducer producer = mock(DefaultMQProducer.class);
        ProducerOptions options = options("-d", "10");
        AtomicLong sequence = new AtomicLong();

        new SendWorker(producer, new BenchmarkMessages(options), new SendStats(), sequence, options.bound(),
            () -> true, null, new SendPacer(0)).run();

        verify(producer, times(0)).send(any(Message.class));
        assertEquals(0, sequence.get());
    }
}
