package org.cometmq.test.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageExt;

/**
 * A bounded send and consume load with unique message ids, run with CometMQ's client: {@code threads} producer
 * threads send {@code <run>-<thread>-<seq>} bodies synchronously until stopped or {@code maxPerThread} each, and
 * a push consumer group counts every delivery of every id. What was sent, acknowledged (SEND_OK) and received
 * makes the {@link ChaosReport}.
 */
final class ChaosWorkload implements AutoCloseable {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String runId = "r" + RUNS.incrementAndGet() + "x" + System.nanoTime() % 100_000;
    private final String namesrvAddr;
    private final String topic;
    private final int threads;
    private final int maxPerThread;
    private final DeliveryLedger ledger = new DeliveryLedger(runId);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicLong lastAckNanos = new AtomicLong();
    private final AtomicLong lastReceiveNanos = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> senders = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();
    private int consumerRoutePollMillis = 30_000;
    private DefaultMQProducer producer;

    ChaosWorkload(String namesrvAddr, String topic, int threads, int maxPerThread) {
        this.namesrvAddr = namesrvAddr;
        this.topic = topic;
        this.threads = threads;
        this.maxPerThread = maxPerThread;
    }

    /** A started CometMQ producer that retries within its budget and avoids slow brokers when asked. */
    static DefaultMQProducer producer(String namesrvAddr, String group, boolean latencyFaultEnable) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(group);
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName(group + "_" + System.nanoTime());
        producer.setVipChannelEnabled(false);
        producer.setSendMsgTimeout(3_000);
        producer.setRetryTimesWhenSendFailed(2);
        producer.setSendLatencyFaultEnable(latencyFaultEnable);
        producer.start();
        return producer;
    }

    /**
     * How often the consumers ask the name server for routes (the client's default is 30 s): a scenario whose
     * consumers must move to a slave while the master is down sets it short. Call before {@link #start}.
     */
    ChaosWorkload consumerRoutePoll(int millis) {
        consumerRoutePollMillis = millis;
        return this;
    }

    /** Stops the consumers' pulls (what they already pulled is still consumed), to let a backlog build up. */
    void suspendConsumers() {
        consumers.forEach(DefaultMQPushConsumer::suspend);
    }

    void resumeConsumers() {
        consumers.forEach(DefaultMQPushConsumer::resume);
    }

    /** Starts the consumer group (when asked), then the producer threads. */
    ChaosWorkload start(boolean latencyFaultEnable, boolean withConsumer) throws Exception {
        if (withConsumer) {
            startConsumer(consumerGroup());
        }
        producer = producer(namesrvAddr, "chaos_pg_" + runId, latencyFaultEnable);
        clients.add(producer::shutdown);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread sender = new Thread(() -> sendLoop(thread), "chaos-sender-" + t);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
        return this;
    }

    /** The group the workload's consumers join. */
    String consumerGroup() {
        return "chaos_cg_" + runId;
    }

    /** The prefix of every id this run sends. */
    String runId() {
        return runId;
    }

    /** Counts a delivery seen elsewhere (a consumer process). */
    void recordExternal(String id) {
        ledger.receive(id);
    }

    /** Another push consumer of the group (started), e.g. to take over from one that was killed. */
    void startConsumer(String group) throws Exception {
        DefaultMQPushConsumer consumer = pushConsumer(namesrvAddr, group, topic);
        consumer.setPersistConsumerOffsetInterval(500);
        consumer.setPollNameServerInterval(consumerRoutePollMillis);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(this::record);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        consumers.add(consumer);
        clients.add(consumer::shutdown);
    }

    /** A CometMQ push consumer of {@code group} on {@code topic}, from the first offset, not yet started. */
    static DefaultMQPushConsumer pushConsumer(String namesrvAddr, String group, String topic) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName(group + "_" + System.nanoTime());
        consumer.setVipChannelEnabled(false);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        return consumer;
    }

    private void record(MessageExt message) {
        if (ledger.receive(new String(message.getBody(), StandardCharsets.UTF_8))) {
            lastReceiveNanos.set(System.nanoTime());
        }
    }

    private void sendLoop(int thread) {
        for (int seq = 0; seq < maxPerThread && !stop.get() && !Thread.currentThread().isInterrupted(); seq++) {
            String id = runId + "-" + thread + "-" + seq;
            sent.incrementAndGet();
            try {
                SendResult result = producer.send(new Message(topic, id.getBytes(StandardCharsets.UTF_8)));
                if (result.getSendStatus() == SendStatus.SEND_OK) {
                    ledger.acknowledge(id);
                    lastAckNanos.set(System.nanoTime());
                } else {
                    failedSends.incrementAndGet();
                    pause(200); // e.g. SLAVE_NOT_AVAILABLE until a restarted master's slave reconnects: no spinning
                }
            } catch (Exception e) {
                failedSends.incrementAndGet();
                pause(200); // a dead broker answers at once: do not spin through the id space (or flood the log)
            }
        }
    }

    /** Waits until {@code more} further acknowledgements arrived, bounded by {@code timeout}; false on timeout. */
    boolean awaitAcks(int more, Duration timeout) {
        long target = ledger.acknowledgedCount() + more;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ledger.acknowledgedCount() < target && System.nanoTime() < deadline && !sendersDone()) {
            pause(20);
        }
        return ledger.acknowledgedCount() >= target;
    }

    /** Milliseconds from {@code sinceNanos} until the next acknowledgement, bounded by {@code timeout}; -1 if none. */
    long millisUntilNextAck(long sinceNanos, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lastAckNanos.get() <= sinceNanos && System.nanoTime() < deadline) {
            pause(10);
        }
        long ack = lastAckNanos.get();
        return ack > sinceNanos ? TimeUnit.NANOSECONDS.toMillis(ack - sinceNanos) : -1;
    }

    /** Milliseconds until {@code condition} holds, polled every 100 ms up to {@code timeout}; -1 if it never did. */
    static long waitMillis(Duration timeout, java.util.function.BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            pause(100);
        }
        return -1;
    }

    /** Stops the senders (bounded wait). */
    void stopSending() throws InterruptedException {
        stop.set(true);
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Waits until every acknowledged id was received or {@code timeout} passed. */
    void awaitDrained(Duration timeout) {
        waitMillis(timeout, () -> ledger.lost().isEmpty());
    }

    boolean sendersDone() {
        return senders.stream().noneMatch(Thread::isAlive);
    }

    Set<String> lost() {
        return ledger.lost();
    }

    ChaosReport report(String scenario) {
        return ledger.report(scenario, sent.get(), failedSends.get());
    }

    int acknowledgedCount() {
        return ledger.acknowledgedCount();
    }

    int receivedCount() {
        return ledger.receivedCount();
    }

    String topic() {
        return topic;
    }

    static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop.set(true);
        closeAll(clients);
    }

    /** Closes each client in turn; one failing to close does not keep the next from closing. */
    static void closeAll(List<AutoCloseable> clients) {
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception ignored) {
                // shutting down after a chaos run; the next client still gets its turn
            }
        }
    }
}
