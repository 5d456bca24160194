package org.cometmq.tools.admin.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.admin.TopicOffset;
import org.cometmq.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.common.admin.RollbackStats;

/**
 * Moves a group's offsets of one topic to a timestamp, two ways (spec 9.11, resetOffsetByTime):
 * <ul>
 *   <li>online: INVOKE_BROKER_TO_RESET_OFFSET to each broker, which pushes the new offsets to the group's
 *   consumers; a group with no consumer online is refused with CONSUMER_NOT_ONLINE;</li>
 *   <li>offline (rollback): the offsets are written straight into each broker (GET_CONSUME_STATS,
 *   SEARCH_OFFSET_BY_TIMESTAMP or GET_MAX_OFFSET for timestamp -1, UPDATE_CONSUMER_OFFSET).</li>
 * </ul>
 */
public class OffsetReset {
    private final MQClientAPIImpl api;
    private final BrokerAdminCalls broker;
    private final long timeoutMillis;

    public OffsetReset(MQClientAPIImpl api, BrokerAdminCalls broker, long timeoutMillis) {
        this.api = api;
        this.broker = broker;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * The online reset on every broker of {@code route}; the new offset of each queue. A broker's refusal is a
     * client error with the broker's code, so callers can tell CONSUMER_NOT_ONLINE apart.
     */
    public Map<MessageQueue, Long> resetOnline(TopicRouteData route, String topic, String group, long timestamp,
        boolean isForce, boolean isC) throws RemotingException, InterruptedException, MQClientException {
        Map<MessageQueue, Long> offsets = new HashMap<>();
        for (String addr : RouteAddresses.brokerAddrsOf(route)) {
            try {
                Map<MessageQueue, Long> table = broker.invokeBrokerToResetOffset(addr, topic, group, timestamp,
                    isForce, isC);
                if (table != null) {
                    offsets.putAll(table);
                }
            } catch (MQBrokerException e) {
                throw AdminErrors.clientError(e);
            }
        }
        return offsets;
    }

    /** Commits {@code offset} for the group on one queue of the broker at {@code brokerAddr}. */
    public void updateConsumeOffset(String brokerAddr, String group, MessageQueue mq, long offset)
        throws RemotingException, InterruptedException, MQBrokerException {
        UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setCommitOffset(offset);
        api.updateConsumerOffset(brokerAddr, header, timeoutMillis);
    }

    /** The offline reset of every queue of {@code topic} on every broker of {@code route}; a row per queue. */
    public List<RollbackStats> rollback(TopicRouteData route, String group, String topic, long timestamp,
        boolean force) throws RemotingException, MQBrokerException, InterruptedException {
        Map<String, Integer> readQueueNums = new HashMap<>();
        for (QueueData queueData : route.getQueueDatas()) {
            readQueueNums.put(queueData.getBrokerName(), queueData.getReadQueueNums());
        }
        List<RollbackStats> stats = new ArrayList<>();
        for (BrokerData brokerData : route.getBrokerDatas()) {
            String addr = brokerData.selectBrokerAddr();
            if (addr == null) {
                continue;
            }
            Map<MessageQueue, OffsetWrapper> progress = progressOf(addr, group, topic,
                brokerData.getBrokerName(), readQueueNums.getOrDefault(brokerData.getBrokerName(), 0));
            for (Map.Entry<MessageQueue, OffsetWrapper> entry : progress.entrySet()) {
                stats.add(resetQueue(addr, group, entry.getKey(), entry.getValue(), timestamp, force));
            }
        }
        return stats;
    }

    /**
     * The group's committed progress on {@code topic} at one broker; a group that never consumed there is
     * taken to stand at each queue's min offset.
     */
    private Map<MessageQueue, OffsetWrapper> progressOf(String addr, String group, String topic, String brokerName,
        int queueNums) throws RemotingException, MQBrokerException, InterruptedException {
        Map<MessageQueue, OffsetWrapper> progress = new HashMap<>();
        ConsumeStats consumeStats = broker.getConsumeStats(addr, group, null, timeoutMillis);
        if (consumeStats != null) {
            consumeStats.getOffsetTable().forEach((mq, wrapper) -> {
                if (topic.equals(mq.getTopic())) {
                    progress.put(mq, wrapper);
                }
            });
        }
        if (!progress.isEmpty()) {
            return progress;
        }
        Map<MessageQueue, TopicOffset> offsets = broker.getTopicStatsInfo(addr, topic).getOffsetTable();
        for (int queueId = 0; queueId < queueNums; queueId++) {
            MessageQueue mq = new MessageQueue(topic, brokerName, queueId);
            TopicOffset topicOffset = offsets.get(mq);
            if (topicOffset != null) {
                OffsetWrapper wrapper = new OffsetWrapper();
                wrapper.setBrokerOffset(topicOffset.getMaxOffset());
                wrapper.setConsumerOffset(topicOffset.getMinOffset());
                progress.put(mq, wrapper);
            }
        }
        return progress;
    }

    private RollbackStats resetQueue(String addr, String group, MessageQueue mq, OffsetWrapper wrapper,
        long timestamp, boolean force) throws RemotingException, MQBrokerException, InterruptedException {
        long target = timestamp == -1
            ? api.getMaxOffset(addr, mq.getTopic(), mq.getQueueId(), timeoutMillis)
            : api.searchOffset(addr, mq.getTopic(), mq.getQueueId(), timestamp, timeoutMillis);
        RollbackStats stats = new RollbackStats();
        stats.setBrokerName(mq.getBrokerName());
        stats.setQueueId(mq.getQueueId());
        stats.setBrokerOffset(wrapper.getBrokerOffset());
        stats.setConsumerOffset(wrapper.getConsumerOffset());
        stats.setTimestampOffset(target);
        stats.setRollbackOffset(wrapper.getConsumerOffset());
        // without force an offset only moves back, so nothing already consumed is skipped
        if (force || target <= wrapper.getConsumerOffset()) {
            stats.setRollbackOffset(target);
            updateConsumeOffset(addr, group, mq, target);
        }
        return stats;
    }
}
