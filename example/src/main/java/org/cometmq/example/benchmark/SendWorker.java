package org.cometmq.example.benchmark;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.common.message.Message;

/**
 * One sending thread: claims message numbers from the shared sequence until the run's bound is reached, and
 * sends each one synchronously, or asynchronously within the shared in-flight limit.
 */
final class SendWorker implements Runnable {
    private final DefaultMQProducer producer;
    private final BenchmarkMessages messages;
    private final SendStats stats;
    private final AtomicLong sequence;
    private final RunBound bound;
    private final BooleanSupplier stopRequested;
    /** Null for synchronous sends. */
    private final Semaphore inFlight;
    private final SendPacer pacer;

    SendWorker(DefaultMQProducer producer, BenchmarkMessages messages, SendStats stats, AtomicLong sequence,
               RunBound bound, BooleanSupplier stopRequested, Semaphore inFlight, SendPacer pacer) {
        this.producer = producer;
        this.messages = messages;
        this.stats = stats;
        this.sequence = sequence;
        this.bound = bound;
        this.stopRequested = stopRequested;
        this.inFlight = inFlight;
        this.pacer = pacer;
    }

    @Override
    public void run() {
        while (!stopRequested.getAsBoolean()) {
            long number = sequence.getAndIncrement();
            if (bound.countExhausted(number) || !pacer.awaitTurn(number, stopRequested)) {
                return;
            }
            Message message = messages.create(number);
            if (inFlight == null) {
                sendSync(message);
            } else if (!sendAsync(message)) {
                return;
            }
        }
    }

    private void sendSync(Message message) {
        long start = System.nanoTime();
        try {
            SendResult result = producer.send(message);
            if (result.getSendStatus() == SendStatus.SEND_OK) {
                stats.success(start);
            } else {
                stats.failure("send status " + result.getSendStatus());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats.failure("interrupted");
        } catch (Exception e) {
            stats.failure(e.toString());
        }
    }

    /** False when the run ended while waiting for an in-flight slot. */
    private boolean sendAsync(Message message) {
        try {
            while (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (stopRequested.getAsBoolean()) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        long start = System.nanoTime();
        try {
            producer.send(message, new Callback(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inFlight.release();
            stats.failure("interrupted");
            return false;
        } catch (Exception e) {
            inFlight.release();
            stats.failure(e.toString());
        }
        return true;
    }

    /** Records the latency from the send call to this callback and frees the in-flight slot. */
    private final class Callback implements SendCallback {
        private final long startNanos;

        Callback(long startNanos) {
            this.startNanos = startNanos;
        }

        @Override
        public void onSuccess(SendResult sendResult) {
            if (sendResult.getSendStatus() == SendStatus.SEND_OK) {
                stats.success(startNanos);
            } else {
                stats.failure("send status " + sendResult.getSendStatus());
            }
            inFlight.release();
        }

        @Override
        public void onException(Throwable e) {
            stats.failure(e.toString());
            inFlight.release();
        }
    }
}
