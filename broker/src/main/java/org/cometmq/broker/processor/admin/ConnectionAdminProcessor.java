package org.cometmq.broker.processor.admin;

import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cometmq.broker.client.ClientChannelInfo;
import org.cometmq.broker.client.ConsumerGroupInfo;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.client.ProducerManager;
import org.cometmq.broker.processor.Responses;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.Connection;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.common.protocol.body.ProducerConnection;
import org.cometmq.common.protocol.body.ProducerInfo;
import org.cometmq.common.protocol.body.ProducerTableInfo;
import org.cometmq.common.protocol.header.GetConsumerConnectionListRequestHeader;
import org.cometmq.common.protocol.header.GetProducerConnectionListRequestHeader;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;

/** Who is connected: GET_CONSUMER_CONNECTION_LIST, GET_PRODUCER_CONNECTION_LIST and GET_ALL_PRODUCER_INFO. */
public class ConnectionAdminProcessor implements NettyRequestProcessor {
    private final ConsumerManager consumerManager;
    private final ProducerManager producerManager;

    public ConnectionAdminProcessor(ConsumerManager consumerManager, ProducerManager producerManager) {
        this.consumerManager = consumerManager;
        this.producerManager = producerManager;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.GET_CONSUMER_CONNECTION_LIST:
                return consumerConnections(request.decodeCommandCustomHeader(
                    GetConsumerConnectionListRequestHeader.class).getConsumerGroup());
            case RequestCode.GET_PRODUCER_CONNECTION_LIST:
                return producerConnections(request.decodeCommandCustomHeader(
                    GetProducerConnectionListRequestHeader.class).getProducerGroup());
            case RequestCode.GET_ALL_PRODUCER_INFO:
                return allProducers();
            default:
                return Responses.notSupported(request.getCode());
        }
    }

    private RemotingCommand consumerConnections(String group) {
        ConsumerGroupInfo info = consumerManager.getConsumerGroupInfo(group);
        if (info == null || info.getChannelInfoTable().isEmpty()) {
            return Responses.error(ResponseCode.CONSUMER_NOT_ONLINE, "the consumer group[" + group + "] not online");
        }
        ConsumerConnection body = new ConsumerConnection();
        body.setConsumeType(info.getConsumeType());
        body.setMessageModel(info.getMessageModel());
        body.setConsumeFromWhere(info.getConsumeFromWhere());
        body.getSubscriptionTable().putAll(info.getSubscriptionTable());
        for (ClientChannelInfo client : info.getChannelInfoTable().values()) {
            body.getConnectionSet().add(connection(client));
        }
        return Responses.json(body);
    }

    private RemotingCommand producerConnections(String group) {
        List<ClientChannelInfo> clients = producerManager.getChannels(group);
        if (clients.isEmpty()) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "the producer group[" + group + "] not exist");
        }
        ProducerConnection body = new ProducerConnection();
        for (ClientChannelInfo client : clients) {
            body.getConnectionSet().add(connection(client));
        }
        return Responses.json(body);
    }

    private RemotingCommand allProducers() {
        Map<String, List<ProducerInfo>> data = new HashMap<>();
        producerManager.getGroupChannelTable().forEach((group, clients) -> {
            List<ProducerInfo> infos = new ArrayList<>();
            for (ClientChannelInfo client : clients) {
                infos.add(new ProducerInfo(client.getClientId(), RemotingHelper.parseChannelRemoteAddr(client.getChannel()),
                    client.getLanguage(), client.getVersion(), client.getLastUpdateTimestamp()));
            }
            data.put(group, infos);
        });
        return Responses.json(new ProducerTableInfo(data));
    }

    private static Connection connection(ClientChannelInfo client) {
        Connection connection = new Connection();
        connection.setClientId(client.getClientId());
        connection.setClientAddr(RemotingHelper.parseChannelRemoteAddr(client.getChannel()));
        connection.setLanguage(client.getLanguage());
        connection.setVersion(client.getVersion());
        return connection;
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
