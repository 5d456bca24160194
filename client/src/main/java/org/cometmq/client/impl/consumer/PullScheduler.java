package org.cometmq.client.impl.consumer;

/** Puts a push consumer's pull requests (and its small delayed tasks) in line on the client's pull thread. */
public interface PullScheduler {

    /** Queues the pull now. */
    void executePullRequestImmediately(PullRequest pullRequest);

    /** Queues the pull after {@code timeDelay} ms. */
    void executePullRequestLater(PullRequest pullRequest, long timeDelay);

    /** Runs {@code task} after {@code timeDelay} ms on the pull service's timer. */
    void executeTaskLater(Runnable task, long timeDelay);
}
