package org.cometmq.tools.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.MixAll;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.common.RemotingUtil;
import org.cometmq.tools.admin.api.MessageTrack;
import org.cometmq.tools.admin.api.TrackType;

/**
 * For one message, what each consumer group of its topic did with it: consumed (the group's offset on the
 * message's queue is past it), consumed but filtered out by the group's tags, not yet consumed, pulled by a pull
 * consumer (unknowable), or not online.
 */
final class MessageTracker {
    private final MQAdminExt admin;

    MessageTracker(MQAdminExt admin) {
        this.admin = admin;
    }

    List<MessageTrack> track(MessageExt msg) throws Exception {
        List<MessageTrack> result = new ArrayList<>();
        for (String group : admin.queryTopicConsumeByWho(msg.getTopic()).getGroupList()) {
            MessageTrack track = new MessageTrack();
            track.setConsumerGroup(group);
            track.setTrackType(TrackType.UNKNOWN);
            try {
                ConsumerConnection connection = admin.examineConsumerConnectionInfo(group);
                switch (connection.getConsumeType()) {
                    case CONSUME_ACTIVELY -> track.setTrackType(TrackType.PULL);
                    case CONSUME_PASSIVELY -> track.setTrackType(pushGroupState(msg, group, connection));
                    default -> { }
                }
            } catch (MQBrokerException e) {
                failed(track, e.getResponseCode(), "CODE:" + e.getResponseCode() + " DESC:" + e.getErrorMessage());
            } catch (MQClientException e) {
                failed(track, e.getResponseCode(), "CODE:" + e.getResponseCode() + " DESC:" + e.getErrorMessage());
            } catch (Exception e) {
                track.setExceptionDesc(RemotingHelper.exceptionSimpleDesc(e));
            }
            result.add(track);
        }
        return result;
    }

    private static void failed(MessageTrack track, int code, String desc) {
        if (code == ResponseCode.CONSUMER_NOT_ONLINE) {
            track.setTrackType(TrackType.NOT_ONLINE);
        }
        track.setExceptionDesc(desc);
    }

    private TrackType pushGroupState(MessageExt msg, String group, ConsumerConnection connection) throws Exception {
        if (!consumed(msg, group)) {
            return TrackType.NOT_CONSUME_YET;
        }
        SubscriptionData subscription = connection.getSubscriptionTable().get(msg.getTopic());
        if (subscription == null || subscription.getTagsSet().isEmpty()
            || subscription.getTagsSet().contains(SubscriptionData.SUB_ALL)
            || subscription.getTagsSet().contains(msg.getTags())) {
            return TrackType.CONSUMED;
        }
        return TrackType.CONSUMED_BUT_FILTERED;
    }

    /** Whether the group's offset on the message's queue (of the master that stored it) is past the message. */
    boolean consumed(MessageExt msg, String group) throws Exception {
        ConsumeStats stats = admin.examineConsumeStats(group);
        ClusterInfo cluster = admin.examineBrokerClusterInfo();
        String storeAddr = RemotingUtil.socketAddress2String(msg.getStoreHost());
        for (Map.Entry<MessageQueue, OffsetWrapper> entry : stats.getOffsetTable().entrySet()) {
            MessageQueue mq = entry.getKey();
            if (!mq.getTopic().equals(msg.getTopic()) || mq.getQueueId() != msg.getQueueId()) {
                continue;
            }
            BrokerData broker = cluster.getBrokerAddrTable().get(mq.getBrokerName());
            if (broker != null && storeAddr.equals(broker.getBrokerAddrs().get(MixAll.MASTER_ID))
                && entry.getValue().getConsumerOffset() > msg.getQueueOffset()) {
                return true;
            }
        }
        return false;
    }
}
