package org.cometmq.broker.longpolling;

import org.cometmq.store.CommitLogDispatcher;
import org.cometmq.store.DispatchRequest;
import org.cometmq.store.MessageArrivingListener;
import org.cometmq.store.commitlog.CommitLogRecordParser;

/**
 * On a slave, wakes the pulls held on a queue as soon as a replicated message is dispatched into its consume
 * queue. 4.9.7 notifies only on masters, so pulls held on a slave wait for the hold service's timer (up to 5 s);
 * installed after the consume-queue dispatcher, this one runs once the message is readable.
 */
public class ReplicatedMessageArrivingDispatcher implements CommitLogDispatcher {
    private final MessageArrivingListener listener;

    public ReplicatedMessageArrivingDispatcher(MessageArrivingListener listener) {
        this.listener = listener;
    }

    @Override
    public void dispatch(DispatchRequest request) {
        if (CommitLogRecordParser.isDispatchedToConsumeQueue(request.getSysFlag())) {
            listener.arriving(request.getTopic(), request.getQueueId(), request.getConsumeQueueOffset() + 1,
                request.getTagsCode(), request.getStoreTimestamp(), request.getBitMap(), request.getPropertiesMap());
        }
    }
}
