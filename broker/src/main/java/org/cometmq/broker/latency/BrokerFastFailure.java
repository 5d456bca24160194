package org.cometmq.broker.latency;

import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.cometmq.broker.util.BrokerExecutors;
import org.cometmq.broker.util.BrokerThreadPoolExecutor;
import org.cometmq.common.BrokerConfig;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.cometmq.remoting.netty.RequestTask;
import org.cometmq.remoting.protocol.RemotingSysResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's fast failure, as RocketMQ 4.9 brokers do it: every 10 ms, requests that waited in the send, pull,
 * heartbeat or end-transaction queue longer than their {@code waitTimeMills...} setting are taken out and answered
 * SYSTEM_BUSY at once (the client can try another broker instead of timing out), and while the page cache is
 * busy the send queue is drained the same way. The settings are read on every pass, so {@code updateBrokerConfig}
 * changes take effect at run time.
 */
public class BrokerFastFailure {
    private static final Logger log = LoggerFactory.getLogger(BrokerFastFailure.class);
    static final String TIMEOUT_REMARK =
        "[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: %sms, size of queue: %d";
    static final String PAGE_CACHE_BUSY_REMARK =
        "[PCBUSY_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: %sms, size of queue: %d";
    private static final long FIRST_PASS_DELAY_MILLIS = 1_000;
    private static final long PASS_INTERVAL_MILLIS = 10;

    private final BrokerConfig config;
    private final BrokerExecutors executors;
    private final BooleanSupplier pageCacheBusy;
    private final Clock clock;
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("BrokerFastFailureScheduledThread"));

    public BrokerFastFailure(BrokerConfig config, BrokerExecutors executors, BooleanSupplier pageCacheBusy,
                             Clock clock) {
        this.config = config;
        this.executors = executors;
        this.pageCacheBusy = pageCacheBusy;
        this.clock = clock;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(() -> {
            try {
                if (config.isBrokerFastFailureEnable()) {
                    cleanExpiredRequest();
                }
            } catch (RuntimeException e) {
                log.warn("cleaning expired requests failed", e);
            }
        }, FIRST_PASS_DELAY_MILLIS, PASS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        scheduler.shutdownNow();
    }

    /** One pass over the queues. */
    void cleanExpiredRequest() {
        BlockingQueue<Runnable> sendQueue = executors.send().getQueue();
        while (pageCacheBusy.getAsBoolean()) {
            Runnable head = sendQueue.peek();
            RequestTask task = head == null ? null : requestTask(head);
            if (task == null) {
                break;
            }
            answerBusy(sendQueue, head, task, PAGE_CACHE_BUSY_REMARK, clock.millis() - task.getCreateTimestamp());
        }
        cleanExpiredRequestInQueue(sendQueue, config.getWaitTimeMillsInSendQueue());
        cleanExpiredRequestInQueue(executors.pull().getQueue(), config.getWaitTimeMillsInPullQueue());
        cleanExpiredRequestInQueue(executors.heartbeat().getQueue(), config.getWaitTimeMillsInHeartbeatQueue());
        cleanExpiredRequestInQueue(executors.endTransaction().getQueue(), config.getWaitTimeMillsInTransactionQueue());
    }

    /** Answers the queue's head requests while they have waited at least {@code maxWaitMillis}. */
    void cleanExpiredRequestInQueue(BlockingQueue<Runnable> queue, long maxWaitMillis) {
        while (true) {
            Runnable head = queue.peek();
            RequestTask task = head == null ? null : requestTask(head);
            if (task == null || task.isStopRun()) {
                return;
            }
            long behind = clock.millis() - task.getCreateTimestamp();
            if (behind < maxWaitMillis) {
                return;
            }
            answerBusy(queue, head, task, TIMEOUT_REMARK, behind);
        }
    }

    /** Takes the queued request out and answers it SYSTEM_BUSY, unless a worker took it first. */
    private static void answerBusy(BlockingQueue<Runnable> queue, Runnable queued, RequestTask task, String remark,
                                   long waitedMillis) {
        if (queue.remove(queued)) {
            task.setStopRun(true);
            task.returnResponse(RemotingSysResponseCode.SYSTEM_BUSY, String.format(remark, waitedMillis, queue.size()));
        }
    }

    private static RequestTask requestTask(Runnable queued) {
        Runnable task = BrokerThreadPoolExecutor.submittedTask(queued);
        return task instanceof RequestTask ? (RequestTask) task : null;
    }
}
