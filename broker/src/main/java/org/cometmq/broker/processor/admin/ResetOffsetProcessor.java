package org.cometmq.broker.processor.admin;

import io.netty.channel.ChannelHandlerContext;
import java.util.HashMap;
import java.util.Map;
import org.cometmq.broker.client.Broker2Client;
import org.cometmq.broker.client.ClientChannelInfo;
import org.cometmq.broker.client.ConsumerGroupInfo;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.broker.processor.Responses;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.common.MQVersion;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.ResetOffsetBody;
import org.cometmq.common.protocol.header.ResetOffsetRequestHeader;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageStore;

/**
 * INVOKE_BROKER_TO_RESET_OFFSET (mqadmin resetOffsetByTime): computes each queue's offset for the timestamp and
 * pushes the table to every online consumer of the group (RESET_CONSUMER_CLIENT_OFFSET, oneway). Without online
 * consumers it answers CONSUMER_NOT_ONLINE, on which the tool resets the committed offsets itself.
 */
public class ResetOffsetProcessor implements NettyRequestProcessor {
    private final TopicConfigManager topicConfigManager;
    private final ConsumerOffsetManager consumerOffsetManager;
    private final ConsumerManager consumerManager;
    private final Broker2Client broker2Client;
    private final MessageStore store;
    private final String brokerName;

    public ResetOffsetProcessor(TopicConfigManager topicConfigManager, ConsumerOffsetManager consumerOffsetManager,
                                ConsumerManager consumerManager, Broker2Client broker2Client, MessageStore store,
                                String brokerName) {
        this.topicConfigManager = topicConfigManager;
        this.consumerOffsetManager = consumerOffsetManager;
        this.consumerManager = consumerManager;
        this.broker2Client = broker2Client;
        this.store = store;
        this.brokerName = brokerName;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        ResetOffsetRequestHeader header = request.decodeCommandCustomHeader(ResetOffsetRequestHeader.class);
        TopicConfig topic = topicConfigManager.selectTopicConfig(header.getTopic());
        if (topic == null) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "[reset-offset] reset offset failed, no topic in this"
                + " broker. topic=" + header.getTopic());
        }
        Map<MessageQueue, Long> offsetTable = new HashMap<>();
        for (int queueId = 0; queueId < topic.getWriteQueueNums(); queueId++) {
            long consumerOffset = consumerOffsetManager.queryOffset(header.getGroup(), header.getTopic(), queueId);
            if (consumerOffset == -1) {
                return Responses.error(ResponseCode.SYSTEM_ERROR, "THe consumer group <" + header.getGroup()
                    + "> not exist");
            }
            long target = header.getTimestamp() == -1 ? store.getMaxOffsetInQueue(header.getTopic(), queueId)
                : store.getOffsetInQueueByTime(header.getTopic(), queueId, header.getTimestamp());
            long offset = header.isForce() || target < consumerOffset ? target : consumerOffset;
            offsetTable.put(new MessageQueue(header.getTopic(), brokerName, queueId), offset);
        }
        ResetOffsetBody body = new ResetOffsetBody();
        body.setOffsetTable(offsetTable);
        if (!pushToConsumers(header, body)) {
            return Responses.error(ResponseCode.CONSUMER_NOT_ONLINE, "Consumer not online, so can not reset offset,"
                + " Group: " + header.getGroup() + " Topic: " + header.getTopic() + " Timestamp: "
                + header.getTimestamp());
        }
        return Responses.json(body);
    }

    private boolean pushToConsumers(ResetOffsetRequestHeader header, ResetOffsetBody body) {
        ConsumerGroupInfo group = consumerManager.getConsumerGroupInfo(header.getGroup());
        if (group == null || group.getChannelInfoTable().isEmpty()) {
            return false;
        }
        byte[] encoded = body.encode();
        for (ClientChannelInfo client : group.getChannelInfoTable().values()) {
            if (client.getVersion() >= MQVersion.Version.V3_0_7_SNAPSHOT.ordinal()) {
                RemotingCommand push = RemotingCommand.createRequestCommand(RequestCode.RESET_CONSUMER_CLIENT_OFFSET,
                    header);
                push.setBody(encoded);
                broker2Client.sendOneway(client.getChannel(), push);
            }
        }
        return true;
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
