package org.cometmq.store;

/** Receives every committed commit-log record, in commit-log order (consume queues, index, broker hooks). */
public interface CommitLogDispatcher {

    void dispatch(DispatchRequest request);
}
