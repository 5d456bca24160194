package org.cometmq.acl.plain;

import java.util.Map;
import org.cometmq.acl.common.Permission;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.heartbeat.ConsumerData;
import org.cometmq.common.protocol.heartbeat.HeartbeatData;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * The permissions a request needs, by request code. As 4.9.7: sends need PUB on the topic; pulls, offset updates
 * and heartbeats need SUB on the topic and on the group; a retry topic ({@code %RETRY%group}) needs SUB on its group.
 * Beyond 4.9.7: batch and reply sends and END_TRANSACTION are topic-checked too, a retry topic's group is read from
 * the topic itself, and QUERY_CONSUMER_OFFSET needs what UPDATE_CONSUMER_OFFSET needs.
 */
final class RequestResources {
    private final TransactionTopicResolver transactionTopics;

    RequestResources(TransactionTopicResolver transactionTopics) {
        this.transactionTopics = transactionTopics;
    }

    void collect(RemotingCommand request, PlainAccessResource resource) {
        Map<String, String> ext = request.getExtFields();
        switch (request.getCode()) {
            case RequestCode.SEND_MESSAGE:
            case RequestCode.SEND_MESSAGE_V2:
            case RequestCode.SEND_BATCH_MESSAGE:
            case RequestCode.SEND_REPLY_MESSAGE:
            case RequestCode.SEND_REPLY_MESSAGE_V2:
                addSendTopic(resource, first(ext, "b", "topic"));
                break;
            case RequestCode.END_TRANSACTION:
                if (transactionTopics != null) {
                    addSendTopic(resource, transactionTopics.topicOf(request));
                }
                break;
            case RequestCode.PULL_MESSAGE:
            case RequestCode.UPDATE_CONSUMER_OFFSET:
            case RequestCode.QUERY_CONSUMER_OFFSET:
                resource.addResourceAndPerm(get(ext, "topic"), Permission.SUB);
                resource.addGroupResourceAndPerm(get(ext, "consumerGroup"), Permission.SUB);
                break;
            case RequestCode.QUERY_MESSAGE:
                resource.addResourceAndPerm(get(ext, "topic"), Permission.SUB);
                break;
            case RequestCode.HEART_BEAT:
                addHeartbeat(request.getBody(), resource);
                break;
            case RequestCode.UNREGISTER_CLIENT:
            case RequestCode.GET_CONSUMER_LIST_BY_GROUP:
                resource.addGroupResourceAndPerm(get(ext, "consumerGroup"), Permission.SUB);
                break;
            case RequestCode.CONSUMER_SEND_MSG_BACK:
                resource.addGroupResourceAndPerm(get(ext, "group"), Permission.SUB);
                break;
            default:
                break;
        }
    }

    /** A normal topic needs PUB; {@code %RETRY%group} needs SUB on the group. */
    private static void addSendTopic(PlainAccessResource resource, String topic) {
        if (topic == null) {
            return;
        }
        if (PlainAccessResource.isRetryTopic(topic)) {
            resource.addResourceAndPerm(topic, Permission.SUB);
        } else {
            resource.addResourceAndPerm(topic, Permission.PUB);
        }
    }

    private static void addHeartbeat(byte[] body, PlainAccessResource resource) {
        if (body == null) {
            return;
        }
        HeartbeatData heartbeat = HeartbeatData.decode(body, HeartbeatData.class);
        if (heartbeat == null || heartbeat.getConsumerDataSet() == null) {
            return;
        }
        for (ConsumerData consumer : heartbeat.getConsumerDataSet()) {
            resource.addGroupResourceAndPerm(consumer.getGroupName(), Permission.SUB);
            if (consumer.getSubscriptionDataSet() == null) {
                continue;
            }
            for (SubscriptionData subscription : consumer.getSubscriptionDataSet()) {
                resource.addResourceAndPerm(subscription.getTopic(), Permission.SUB);
            }
        }
    }

    private static String get(Map<String, String> ext, String key) {
        return ext == null ? null : ext.get(key);
    }

    private static String first(Map<String, String> ext, String key, String fallbackKey) {
        String value = get(ext, key);
        return value != null ? value : get(ext, fallbackKey);
    }
}
