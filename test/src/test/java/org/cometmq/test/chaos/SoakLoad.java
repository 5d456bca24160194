package org.cometmq.test.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.consumer.listener.MessageListenerOrderly;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.LocalTransactionState;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.client.producer.TransactionListener;
import org.cometmq.client.producer.TransactionMQProducer;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageExt;

/**
 * The soak's mixed load, with CometMQ's client: one paced sender per kind (sync, async, batch, delayed,
 * transactional, orderly), a concurrent push consumer on the mixed topic and an orderly one on the ordered topic.
 * Every body is a unique id {@code <run>-<kind>-<seq>}; what was acknowledged and received makes the
 * {@link ChaosReport}. One transaction in ten is rolled back (must never be delivered) and one in ten is left
 * unknown for the broker's check, which commits it.
 */
final class SoakLoad implements AutoCloseable {
    enum Kind { SYNC, ASYNC, BATCH, DELAY, TXN, ORDER }

    private static final int BATCH_SIZE = 8;
    private static final int ORDER_SHARDS = 8;
    private static final int ASYNC_IN_FLIGHT = 64;

    private final String runId = "soak" + System.nanoTime() % 100_000;
    private final String namesrvAddr;
    private final String mixedTopic;
    private final String orderedTopic;
    private final int sendsPerSecondPerKind;
    private final DeliveryLedger ledger = new DeliveryLedger(runId);
    private final Set<String> rolledBack = ConcurrentHashMap.newKeySet();
    private final Map<Kind, AtomicLong> sentByKind = new EnumMap<>(Kind.class);
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong orderViolations = new AtomicLong();
    private final Map<Integer, Integer> lastOrderedSeq = new ConcurrentHashMap<>();
    private final Semaphore asyncInFlight = new Semaphore(ASYNC_IN_FLIGHT);
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> senders = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private DefaultMQProducer producer;
    private TransactionMQProducer transactionProducer;

    SoakLoad(String namesrvAddr, String mixedTopic, String orderedTopic, int sendsPerSecondPerKind) {
        this.namesrvAddr = namesrvAddr;
        this.mixedTopic = mixedTopic;
        this.orderedTopic = orderedTopic;
        this.sendsPerSecondPerKind = sendsPerSecondPerKind;
        for (Kind kind : Kind.values()) {
            sentByKind.put(kind, new AtomicLong());
        }
    }

    /** Starts both consumer groups, the producers, then one paced sender thread per kind. */
    SoakLoad start() throws Exception {
        startConsumer("soak_mixed_" + runId, mixedTopic, false);
        startConsumer("soak_ordered_" + runId, orderedTopic, true);
        producer = ChaosWorkload.producer(namesrvAddr, "soak_pg_" + runId, false);
        clients.add(producer::shutdown);
        transactionProducer = new TransactionMQProducer("soak_txn_" + runId);
        transactionProducer.setNamesrvAddr(namesrvAddr);
        transactionProducer.setInstanceName("soak_txn_" + System.nanoTime());
        transactionProducer.setVipChannelEnabled(false);
        transactionProducer.setTransactionListener(new HalfCommitter());
        transactionProducer.start();
        clients.add(transactionProducer::shutdown);
        for (Kind kind : Kind.values()) {
            Thread sender = new Thread(() -> paced(kind), "soak-" + kind);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
        return this;
    }

    private void startConsumer(String group, String topic, boolean orderly) throws Exception {
        DefaultMQPushConsumer consumer = ChaosWorkload.pushConsumer(namesrvAddr, group, topic);
        if (orderly) {
            consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
                messages.forEach(this::recordOrdered);
                return ConsumeOrderlyStatus.SUCCESS;
            });
        } else {
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(message -> ledger.receive(body(message)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        }
        consumer.start();
        clients.add(consumer::shutdown);
    }

    private static String body(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    /** A new id of a shard arriving after a later one of the same shard breaks the order. */
    private void recordOrdered(MessageExt message) {
        String id = body(message);
        boolean firstDelivery = ledger.receive(id);
        String[] parts = id.split("-");
        int shard = Integer.parseInt(parts[parts.length - 2]);
        int seq = Integer.parseInt(parts[parts.length - 1]);
        Integer last = lastOrderedSeq.put(shard, seq);
        if (firstDelivery && last != null && seq < last) {
            orderViolations.incrementAndGet();
        }
    }

    private void paced(Kind kind) {
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / sendsPerSecondPerKind;
        long next = System.nanoTime();
        for (int seq = 0; !stop.get() && !Thread.currentThread().isInterrupted(); seq++) {
            try {
                sendOne(kind, seq);
            } catch (Exception e) {
                failed.incrementAndGet();
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                ChaosWorkload.pause(TimeUnit.NANOSECONDS.toMillis(wait));
            } else {
                next = System.nanoTime(); // behind: do not burst to catch up
            }
        }
    }

    private void sendOne(Kind kind, int seq) throws Exception {
        String id = runId + "-" + kind + "-" + seq;
        sentByKind.get(kind).addAndGet(kind == Kind.BATCH ? BATCH_SIZE : 1);
        switch (kind) {
            case SYNC -> acknowledge(id, producer.send(message(mixedTopic, id)));
            case ASYNC -> sendAsync(id);
            case BATCH -> sendBatch(id);
            case DELAY -> {
                Message delayed = message(mixedTopic, id);
                delayed.setDelayTimeLevel(1 + seq % 2);
                acknowledge(id, producer.send(delayed));
            }
            case TXN -> acknowledge(id, transactionProducer.sendMessageInTransaction(message(mixedTopic, id), seq));
            case ORDER -> {
                int shard = seq % ORDER_SHARDS;
                String ordered = runId + "-" + kind + "-" + shard + "-" + seq;
                acknowledge(ordered, producer.send(message(orderedTopic, ordered),
                    (queues, msg, arg) -> queues.get((Integer) arg % queues.size()), shard));
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private void sendAsync(String id) throws Exception {
        asyncInFlight.acquire();
        producer.send(message(mixedTopic, id), new SendCallback() {
            @Override
            public void onSuccess(SendResult result) {
                asyncInFlight.release();
                acknowledge(id, result);
            }

            @Override
            public void onException(Throwable e) {
                asyncInFlight.release();
                failed.incrementAndGet();
            }
        });
    }

    private void sendBatch(String id) throws Exception {
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < BATCH_SIZE; i++) {
            batch.add(message(mixedTopic, id + "." + i));
        }
        SendResult result = producer.send(batch);
        for (Message message : batch) {
            acknowledge(new String(message.getBody(), StandardCharsets.UTF_8), result);
        }
    }

    private void acknowledge(String id, SendResult result) {
        if (result.getSendStatus() == SendStatus.SEND_OK && !rolledBack.contains(id)) {
            ledger.acknowledge(id);
        } else if (result.getSendStatus() != SendStatus.SEND_OK) {
            failed.incrementAndGet();
        }
    }

    private static Message message(String topic, String id) {
        return new Message(topic, id.getBytes(StandardCharsets.UTF_8));
    }

    /** Commits eight transactions in ten, rolls one back, leaves one for the broker's check (which commits). */
    private final class HalfCommitter implements TransactionListener {
        @Override
        public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
            int seq = (Integer) arg;
            if (seq % 10 == 0) {
                rolledBack.add(new String(message.getBody(), StandardCharsets.UTF_8));
                return LocalTransactionState.ROLLBACK_MESSAGE;
            }
            return seq % 10 == 1 ? LocalTransactionState.UNKNOW : LocalTransactionState.COMMIT_MESSAGE;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt message) {
            return LocalTransactionState.COMMIT_MESSAGE;
        }
    }

    /** Stops the senders (bounded) and waits for the async sends still in flight. */
    void stopSending() throws InterruptedException {
        stop.set(true);
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(30));
        }
        asyncInFlight.tryAcquire(ASYNC_IN_FLIGHT, 30, TimeUnit.SECONDS);
    }

    /** Waits until every acknowledged id was received or {@code timeout} passed. */
    void awaitDrained(Duration timeout) {
        ChaosWorkload.waitMillis(timeout, () -> ledger.lost().isEmpty());
    }

    /** Rolled-back transactions that were delivered anyway. */
    long rolledBackDelivered() {
        return rolledBack.stream().filter(ledger::wasReceived).count();
    }

    long rolledBackCount() {
        return rolledBack.size();
    }

    long orderViolations() {
        return orderViolations.get();
    }

    String sentByKind() {
        StringBuilder line = new StringBuilder();
        sentByKind.forEach((kind, count) -> line.append(String.format(Locale.ROOT, " %s %d", kind, count.get())));
        return line.toString().trim();
    }

    ChaosReport report(String scenario) {
        return ledger.report(scenario, sentByKind.values().stream().mapToLong(AtomicLong::get).sum(), failed.get());
    }

    @Override
    public void close() {
        stop.set(true);
        ChaosWorkload.closeAll(clients);
    }
}
