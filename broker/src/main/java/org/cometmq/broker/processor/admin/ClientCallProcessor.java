package org.cometmq.broker.processor.admin;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.util.HashMap;
import java.util.Map;
import org.cometmq.broker.client.Broker2Client;
import org.cometmq.broker.client.ClientChannelInfo;
import org.cometmq.broker.client.ConsumerGroupInfo;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.processor.Responses;
import org.cometmq.common.MQVersion;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageId;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.GetConsumerStatusBody;
import org.cometmq.common.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import org.cometmq.common.protocol.header.GetConsumerRunningInfoRequestHeader;
import org.cometmq.common.protocol.header.GetConsumerStatusRequestHeader;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.cometmq.store.MessageStore;
import org.cometmq.store.SelectMappedBufferResult;

/**
 * Admin requests answered by a consumer through the broker: GET_CONSUMER_RUNNING_INFO, CONSUME_MESSAGE_DIRECTLY
 * and INVOKE_BROKER_TO_GET_CONSUMER_STATUS are forwarded on the consumer's own connection and its answer relayed.
 */
public class ClientCallProcessor implements NettyRequestProcessor {
    private final ConsumerManager consumerManager;
    private final Broker2Client broker2Client;
    private final MessageStore store;
    private final String brokerName;

    public ClientCallProcessor(ConsumerManager consumerManager, Broker2Client broker2Client, MessageStore store,
                               String brokerName) {
        this.consumerManager = consumerManager;
        this.broker2Client = broker2Client;
        this.store = store;
        this.brokerName = brokerName;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.GET_CONSUMER_RUNNING_INFO: {
                GetConsumerRunningInfoRequestHeader h =
                    request.decodeCommandCustomHeader(GetConsumerRunningInfoRequestHeader.class);
                return forward(h.getConsumerGroup(), h.getClientId(), request, null);
            }
            case RequestCode.CONSUME_MESSAGE_DIRECTLY:
                return consumeMessageDirectly(request);
            case RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS:
                return consumerStatus(request.decodeCommandCustomHeader(GetConsumerStatusRequestHeader.class));
            default:
                return Responses.notSupported(request.getCode());
        }
    }

    private RemotingCommand consumeMessageDirectly(RemotingCommand request) throws Exception {
        ConsumeMessageDirectlyResultRequestHeader header =
            request.decodeCommandCustomHeader(ConsumeMessageDirectlyResultRequestHeader.class);
        MessageId messageId;
        try {
            messageId = MessageDecoder.decodeMessageId(header.getMsgId());
        } catch (Exception e) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "msgId " + header.getMsgId()
                + " is not an offset message id: " + e.getMessage());
        }
        SelectMappedBufferResult selected = store.selectOneMessageByOffset(messageId.getOffset());
        if (selected == null) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "can not find message by the offset, "
                + messageId.getOffset());
        }
        byte[] body = new byte[selected.getSize()];
        try {
            selected.getByteBuffer().duplicate().get(body);
        } finally {
            selected.release();
        }
        request.addExtField("brokerName", brokerName);
        return forward(header.getConsumerGroup(), header.getClientId(), request, body);
    }

    /** Sends the same request (same header, optional new body) to the client and relays its answer. */
    private RemotingCommand forward(String group, String clientId, RemotingCommand request, byte[] body) {
        ClientChannelInfo client = consumerManager.findChannel(group, clientId);
        if (client == null) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "The Consumer <" + clientId + "> of group <" + group
                + "> not online");
        }
        if (client.getVersion() < MQVersion.Version.V3_1_8_SNAPSHOT.ordinal()) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "The Consumer <" + clientId + "> Version <"
                + MQVersion.getVersionDesc(client.getVersion())
                + "> too low to finish, please upgrade it to V3_1_8_SNAPSHOT");
        }
        RemotingCommand outgoing = RemotingCommand.createRequestCommand(request.getCode(), null);
        outgoing.setExtFields(request.getExtFields() == null ? new HashMap<>() : new HashMap<>(request.getExtFields()));
        outgoing.setBody(body != null ? body : request.getBody());
        try {
            RemotingCommand answer = broker2Client.callClient(client.getChannel(), outgoing);
            RemotingCommand relayed = Responses.error(answer.getCode(), answer.getRemark());
            relayed.setBody(answer.getBody());
            if (answer.getExtFields() != null) {
                relayed.setExtFields(new HashMap<>(answer.getExtFields()));
            }
            return relayed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Responses.error(ResponseCode.SYSTEM_ERROR, "interrupted while waiting for consumer " + clientId);
        } catch (Exception e) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "invoke consumer <" + clientId + "> of group <" + group
                + "> failed: " + RemotingHelper.exceptionSimpleDesc(e));
        }
    }

    private RemotingCommand consumerStatus(GetConsumerStatusRequestHeader header) {
        ConsumerGroupInfo group = consumerManager.getConsumerGroupInfo(header.getGroup());
        if (group == null || group.getChannelInfoTable().isEmpty()) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "No Any Consumer online in the consumer group: ["
                + header.getGroup() + "]");
        }
        GetConsumerStatusBody result = new GetConsumerStatusBody();
        Map<String, Map<MessageQueue, Long>> table = new HashMap<>();
        for (Map.Entry<Channel, ClientChannelInfo> entry : group.getChannelInfoTable().entrySet()) {
            String addr = RemotingHelper.parseChannelRemoteAddr(entry.getKey());
            if (header.getClientAddr() != null && !header.getClientAddr().isEmpty() && !header.getClientAddr().equals(addr)) {
                continue;
            }
            GetConsumerStatusBody answer = askStatus(entry.getKey(), header);
            if (answer != null) {
                table.put(entry.getValue().getClientId(), answer.getMessageQueueTable());
            }
        }
        result.setConsumerTable(table);
        return Responses.json(result);
    }

    private GetConsumerStatusBody askStatus(Channel channel, GetConsumerStatusRequestHeader header) {
        RemotingCommand ask = RemotingCommand.createRequestCommand(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, header);
        try {
            RemotingCommand answer = broker2Client.callClient(channel, ask);
            if (answer.getCode() != ResponseCode.SUCCESS) {
                return null;
            }
            return RemotingSerializable.decode(answer.getBody(), GetConsumerStatusBody.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
