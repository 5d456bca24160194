package org.cometmq.common.protocol.body;

import java.util.HashSet;
import java.util.Set;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** LOCK_BATCH_MQ response: the requested queues the broker granted (JSON key {@code lockOKMQSet}). */
public class LockBatchResponseBody extends RemotingSerializable {
    private Set<MessageQueue> lockOKMQSet = new HashSet<>();

    public Set<MessageQueue> getLockOKMQSet() {
        return lockOKMQSet;
    }

    public void setLockOKMQSet(Set<MessageQueue> lockOKMQSet) {
        this.lockOKMQSet = lockOKMQSet;
    }
}
