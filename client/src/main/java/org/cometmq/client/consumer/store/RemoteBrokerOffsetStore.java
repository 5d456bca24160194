package org.cometmq.client.consumer.store;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.FindBrokerResult;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.cometmq.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.cometmq.remoting.exception.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offsets of a CLUSTERING consumer group, committed to each queue's master broker: kept in memory, sent with
 * UPDATE_CONSUMER_OFFSET (oneway) every persist interval and at shutdown, read with QUERY_CONSUMER_OFFSET.
 */
public class RemoteBrokerOffsetStore extends AbstractOffsetStore {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteBrokerOffsetStore.class);
    private static final long TIMEOUT_MILLIS = 5_000;

    private final MQClientInstance clientInstance;

    public RemoteBrokerOffsetStore(MQClientInstance clientInstance, String groupName) {
        super(groupName);
        this.clientInstance = clientInstance;
    }

    /** Nothing to load: the broker is the store. */
    @Override
    public void load() {
    }

    @Override
    protected long readStoredOffset(MessageQueue mq) {
        try {
            long brokerOffset = fetchConsumeOffsetFromBroker(mq);
            updateOffset(mq, brokerOffset, false);
            return brokerOffset;
        } catch (MQBrokerException e) {
            // QUERY_NOT_FOUND and other refusals: the group has no offset there yet.
            LOG.info("group {} has no committed offset of {} on its broker ({})", groupName, mq, e.getErrorMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        } catch (Exception e) {
            LOG.warn("committed offset of {} for group {} not read: {}", mq, groupName, e.toString());
            return -2;
        }
    }

    @Override
    public void persistAll(Set<MessageQueue> mqs) {
        if (mqs == null || mqs.isEmpty()) {
            return;
        }
        Iterator<Map.Entry<MessageQueue, AtomicLong>> it = offsetTable.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<MessageQueue, AtomicLong> entry = it.next();
            if (!mqs.contains(entry.getKey())) {
                // Owned by another consumer now; its offset is that consumer's to commit.
                it.remove();
                continue;
            }
            sendQuietly(entry.getKey(), entry.getValue().get());
        }
    }

    @Override
    public void persist(MessageQueue mq) {
        AtomicLong offset = offsetTable.get(mq);
        if (offset != null) {
            sendQuietly(mq, offset.get());
        }
    }

    private void sendQuietly(MessageQueue mq, long offset) {
        try {
            updateConsumeOffsetToBroker(mq, offset, true);
            LOG.debug("group {} committed {} at offset {}", groupName, mq, offset);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("commit of {} at offset {} for group {} failed: {}; retried at the next persist", mq, offset,
                groupName, e.toString());
        }
    }

    @Override
    public void removeOffset(MessageQueue mq) {
        if (mq != null) {
            offsetTable.remove(mq);
        }
    }

    @Override
    public void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        String addr = offsetBrokerAddress(mq);
        UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader();
        header.setTopic(mq.getTopic());
        header.setConsumerGroup(groupName);
        header.setQueueId(mq.getQueueId());
        header.setCommitOffset(offset);
        header.setBname(mq.getBrokerName());
        if (isOneway) {
            clientInstance.getMQClientAPIImpl().updateConsumerOffsetOneway(addr, header, TIMEOUT_MILLIS);
        } else {
            clientInstance.getMQClientAPIImpl().updateConsumerOffset(addr, header, TIMEOUT_MILLIS);
        }
    }

    private long fetchConsumeOffsetFromBroker(MessageQueue mq)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        String addr = offsetBrokerAddress(mq);
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setTopic(mq.getTopic());
        header.setConsumerGroup(groupName);
        header.setQueueId(mq.getQueueId());
        header.setBname(mq.getBrokerName());
        return clientInstance.getMQClientAPIImpl().queryConsumerOffset(addr, header, TIMEOUT_MILLIS);
    }

    /**
     * As 4.9.7: the master; when the route (refreshed once) has none, any node of the broker, so a group whose
     * master is down keeps its offsets on a slave until the master is back.
     */
    private String offsetBrokerAddress(MessageQueue mq) throws MQClientException {
        FindBrokerResult found = clientInstance.findBrokerAddressInSubscribe(mq.getBrokerName(), MixAll.MASTER_ID,
            true);
        if (found == null) {
            clientInstance.updateTopicRouteInfoFromNameServer(mq.getTopic());
            found = clientInstance.findBrokerAddressInSubscribe(mq.getBrokerName(), MixAll.MASTER_ID, false);
        }
        if (found == null) {
            throw new MQClientException("The broker " + mq.getBrokerName() + " is unknown; is it"
                + " registered with the name server? (mqadmin clusterList)", null);
        }
        return found.getBrokerAddr();
    }
}
