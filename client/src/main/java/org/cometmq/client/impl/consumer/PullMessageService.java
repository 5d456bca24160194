package org.cometmq.client.impl.consumer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cometmq.common.ServiceThread;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of a client instance that issues the push consumers' pulls. Pull requests queue here and are
 * handed to the puller their consumer group registered, which sends them asynchronously; their callbacks put them
 * back, at once or after a delay (flow control, errors).
 */
public class PullMessageService extends ServiceThread implements PullScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(PullMessageService.class);
    private static final long TAKE_TIMEOUT_MILLIS = 1000;

    private final LinkedBlockingQueue<PullRequest> pullRequestQueue = new LinkedBlockingQueue<>();
    private final ConcurrentMap<String, Consumer<PullRequest>> pullers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduledExecutorService =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("PullMessageServiceScheduledThread", true));

    public PullMessageService() {
        setDaemon(true);
    }

    /** From now on the pull requests of {@code consumerGroup} go to {@code puller}. */
    public void registerPuller(String consumerGroup, Consumer<PullRequest> puller) {
        pullers.put(consumerGroup, puller);
    }

    /** Drops the puller of {@code consumerGroup}; its requests still queued are dropped when taken. */
    public void unregisterPuller(String consumerGroup) {
        pullers.remove(consumerGroup);
    }

    /** Queues the pull after {@code timeDelay} ms; dropped once the service is stopped. */
    @Override
    public void executePullRequestLater(PullRequest pullRequest, long timeDelay) {
        if (isStopped()) {
            return;
        }
        try {
            scheduledExecutorService.schedule(() -> executePullRequestImmediately(pullRequest), timeDelay,
                TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("pull of {} not scheduled: the service is shutting down", pullRequest);
        }
    }

    @Override
    public void executePullRequestImmediately(PullRequest pullRequest) {
        pullRequestQueue.offer(pullRequest);
    }

    /** Runs a task of a consumer on this service's timer thread. */
    @Override
    public void executeTaskLater(Runnable r, long timeDelay) {
        if (isStopped()) {
            return;
        }
        try {
            scheduledExecutorService.schedule(r, timeDelay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("task not scheduled: the service is shutting down");
        }
    }

    public ScheduledExecutorService getScheduledExecutorService() {
        return scheduledExecutorService;
    }

    @Override
    public void run() {
        LOG.info("{} started", getServiceName());
        while (!isStopped()) {
            try {
                PullRequest pullRequest = pullRequestQueue.poll(TAKE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                if (pullRequest != null) {
                    pullMessage(pullRequest);
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                LOG.error("pull failed unexpectedly; the loop goes on", e);
            }
        }
        LOG.info("{} ended", getServiceName());
    }

    private void pullMessage(PullRequest pullRequest) {
        Consumer<PullRequest> puller = pullers.get(pullRequest.getConsumerGroup());
        if (puller != null) {
            puller.accept(pullRequest);
        } else {
            LOG.warn("no push consumer of group {} in this client any more; pull of {} dropped",
                pullRequest.getConsumerGroup(), pullRequest.getMessageQueue());
        }
    }

    @Override
    public void shutdown(boolean interrupt) {
        super.shutdown(interrupt);
        scheduledExecutorService.shutdownNow();
    }

    @Override
    public long getJoinTimeMillis() {
        return 5_000;
    }

    @Override
    public String getServiceName() {
        return "PullMessageService";
    }
}
