package org.cometmq.namesrv.processor;

import org.cometmq.common.help.FAQUrl;
import org.cometmq.common.MQVersion;
import org.cometmq.common.namesrv.NamesrvConfig;
import org.cometmq.common.namesrv.NamesrvUtil;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.protocol.header.namesrv.AddWritePermOfBrokerRequestHeader;
import org.cometmq.common.protocol.header.namesrv.AddWritePermOfBrokerResponseHeader;
import org.cometmq.common.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import org.cometmq.common.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.cometmq.common.protocol.header.namesrv.WipeWritePermOfBrokerRequestHeader;
import org.cometmq.common.protocol.header.namesrv.WipeWritePermOfBrokerResponseHeader;
import org.cometmq.common.protocol.route.StandardJson;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.namesrv.kvconfig.KVConfigManager;
import org.cometmq.namesrv.routeinfo.RouteInfoManager;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Route reads for clients and tools, and the admin changes to routes (delete topic, broker write permission). */
final class RouteRequestHandler {
    private static final Logger log = LoggerFactory.getLogger(RouteRequestHandler.class);

    private final RouteInfoManager routeInfoManager;
    private final KVConfigManager kvConfigManager;
    private final NamesrvConfig namesrvConfig;

    RouteRequestHandler(RouteInfoManager routeInfoManager, KVConfigManager kvConfigManager,
        NamesrvConfig namesrvConfig) {
        this.routeInfoManager = routeInfoManager;
        this.kvConfigManager = kvConfigManager;
        this.namesrvConfig = namesrvConfig;
    }

    /**
     * Answers clients from 4.9.4 on (or any that asks with acceptStandardJsonOnly) in the standard JSON form
     * (quoted, sorted map keys, pure ASCII: names with other characters are escaped) and older clients in fastjson's own form, with unquoted numeric broker-id keys,
     * as the 4.9.7 name server does.
     */
    RemotingCommand getRouteInfoByTopic(RemotingCommand request) throws RemotingCommandException {
        GetRouteInfoRequestHeader header = request.decodeCommandCustomHeader(GetRouteInfoRequestHeader.class);
        TopicRouteData route = routeInfoManager.pickupTopicRouteData(header.getTopic());
        if (route == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.TOPIC_NOT_EXIST,
                "No topic route info in name server for the topic: " + header.getTopic()
                    + FAQUrl.suggestTodo(FAQUrl.NO_TOPIC_ROUTE_INFO));
        }
        if (namesrvConfig.isOrderMessageEnable()) {
            route.setOrderTopicConf(
                kvConfigManager.getKVConfig(NamesrvUtil.NAMESPACE_ORDER_TOPIC_CONFIG, header.getTopic()));
        }
        boolean standardJson = request.getVersion() >= MQVersion.Version.V4_9_4.ordinal()
            || Boolean.TRUE.equals(header.getAcceptStandardJsonOnly());
        return success(standardJson ? StandardJson.encodeBrowserCompatible(route) : RemotingSerializable.encode(route));
    }

    /** In fastjson's own form (unquoted broker-id keys) for every client, as the 4.9.7 name server writes it. */
    RemotingCommand getBrokerClusterInfo() {
        return success(RemotingSerializable.encode(routeInfoManager.getAllClusterInfo()));
    }

    RemotingCommand wipeWritePermOfBroker(RemotingCommand request) throws RemotingCommandException {
        WipeWritePermOfBrokerRequestHeader header =
            request.decodeCommandCustomHeader(WipeWritePermOfBrokerRequestHeader.class);
        int count = routeInfoManager.wipeWritePermOfBrokerByLock(header.getBrokerName());
        log.info("write permission wiped on broker {}: {} topics", header.getBrokerName(), count);
        RemotingCommand response = RemotingCommand.createResponseCommand(WipeWritePermOfBrokerResponseHeader.class);
        ((WipeWritePermOfBrokerResponseHeader) response.readCustomHeader()).setWipeTopicCount(count);
        response.setCode(ResponseCode.SUCCESS);
        return response;
    }

    RemotingCommand addWritePermOfBroker(RemotingCommand request) throws RemotingCommandException {
        AddWritePermOfBrokerRequestHeader header =
            request.decodeCommandCustomHeader(AddWritePermOfBrokerRequestHeader.class);
        int count = routeInfoManager.addWritePermOfBrokerByLock(header.getBrokerName());
        log.info("write permission added on broker {}: {} topics", header.getBrokerName(), count);
        RemotingCommand response = RemotingCommand.createResponseCommand(AddWritePermOfBrokerResponseHeader.class);
        ((AddWritePermOfBrokerResponseHeader) response.readCustomHeader()).setAddTopicCount(count);
        response.setCode(ResponseCode.SUCCESS);
        return response;
    }

    RemotingCommand deleteTopicInNamesrv(RemotingCommand request) throws RemotingCommandException {
        DeleteTopicFromNamesrvRequestHeader header =
            request.decodeCommandCustomHeader(DeleteTopicFromNamesrvRequestHeader.class);
        routeInfoManager.deleteTopic(header.getTopic(), header.getClusterName());
        log.info("topic {} deleted from {}", header.getTopic(),
            header.getClusterName() == null ? "all brokers" : "cluster " + header.getClusterName());
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    RemotingCommand getAllTopicList() {
        return success(routeInfoManager.getAllTopicList());
    }

    RemotingCommand getTopicsByCluster(RemotingCommand request) throws RemotingCommandException {
        TopicsByClusterRequestHeader header = request.decodeCommandCustomHeader(TopicsByClusterRequestHeader.class);
        return success(routeInfoManager.getTopicsByCluster(header.getCluster()));
    }

    RemotingCommand getSystemTopicList() {
        return success(routeInfoManager.getSystemTopicList());
    }

    RemotingCommand getUnitTopicList() {
        return success(routeInfoManager.getUnitTopics());
    }

    RemotingCommand getHasUnitSubTopicList() {
        return success(routeInfoManager.getHasUnitSubTopicList());
    }

    RemotingCommand getHasUnitSubUnUnitTopicList() {
        return success(routeInfoManager.getHasUnitSubUnUnitTopicList());
    }

    private static RemotingCommand success(TopicList topicList) {
        return success(topicList.encode());
    }

    private static RemotingCommand success(byte[] body) {
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        response.setBody(body);
        return response;
    }
}
