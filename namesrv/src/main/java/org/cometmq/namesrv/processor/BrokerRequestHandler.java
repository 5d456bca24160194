package org.cometmq.namesrv.processor;

import io.netty.channel.ChannelHandlerContext;
import java.time.Clock;
import org.cometmq.common.DataVersion;
import org.cometmq.common.namesrv.NamesrvUtil;
import org.cometmq.common.namesrv.RegisterBrokerResult;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.RegisterBrokerBody;
import org.cometmq.common.protocol.header.namesrv.QueryDataVersionRequestHeader;
import org.cometmq.common.protocol.header.namesrv.QueryDataVersionResponseHeader;
import org.cometmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.cometmq.common.protocol.header.namesrv.RegisterBrokerResponseHeader;
import org.cometmq.common.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import org.cometmq.namesrv.kvconfig.KVConfigManager;
import org.cometmq.namesrv.processor.RegisterBodyReader.BadRegisterBodyException;
import org.cometmq.namesrv.routeinfo.RouteInfoManager;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** REGISTER_BROKER, UNREGISTER_BROKER and QUERY_DATA_VERSION: the requests brokers send about themselves. */
final class BrokerRequestHandler {
    private static final Logger log = LoggerFactory.getLogger(BrokerRequestHandler.class);

    private final RouteInfoManager routeInfoManager;
    private final KVConfigManager kvConfigManager;
    private final Clock clock;

    BrokerRequestHandler(RouteInfoManager routeInfoManager, KVConfigManager kvConfigManager, Clock clock) {
        this.routeInfoManager = routeInfoManager;
        this.kvConfigManager = kvConfigManager;
        this.clock = clock;
    }

    RemotingCommand registerBroker(ChannelHandlerContext ctx, RemotingCommand request)
        throws RemotingCommandException {
        RegisterBrokerRequestHeader header = request.decodeCommandCustomHeader(RegisterBrokerRequestHeader.class);
        RegisterBrokerBody body;
        try {
            body = RegisterBodyReader.read(header, request.getBody(), request.getVersion());
        } catch (BadRegisterBodyException e) {
            log.warn("rejected registration of {}@{}: {}", header.getBrokerName(), header.getBrokerAddr(),
                e.getMessage());
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        RegisterBrokerResult result = routeInfoManager.registerBroker(header.getClusterName(),
            header.getBrokerAddr(), header.getBrokerName(), header.getBrokerId(), header.getHaServerAddr(),
            body.getTopicConfigSerializeWrapper(), body.getFilterServerList(), ctx == null ? null : ctx.channel());

        RemotingCommand response = RemotingCommand.createResponseCommand(RegisterBrokerResponseHeader.class);
        RegisterBrokerResponseHeader responseHeader = (RegisterBrokerResponseHeader) response.readCustomHeader();
        responseHeader.setHaServerAddr(result.getHaServerAddr());
        responseHeader.setMasterAddr(result.getMasterAddr());
        response.setBody(kvConfigManager.getKVListByNamespace(NamesrvUtil.NAMESPACE_ORDER_TOPIC_CONFIG));
        response.setCode(ResponseCode.SUCCESS);
        return response;
    }

    RemotingCommand unregisterBroker(RemotingCommand request) throws RemotingCommandException {
        UnRegisterBrokerRequestHeader header = request.decodeCommandCustomHeader(UnRegisterBrokerRequestHeader.class);
        routeInfoManager.unregisterBroker(header.getClusterName(), header.getBrokerAddr(), header.getBrokerName(),
            header.getBrokerId());
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    /** Tells a broker whether its topic version differs from the one held here; counts as a sign of life. */
    RemotingCommand queryDataVersion(RemotingCommand request) throws RemotingCommandException {
        QueryDataVersionRequestHeader header = request.decodeCommandCustomHeader(QueryDataVersionRequestHeader.class);
        DataVersion dataVersion;
        try {
            dataVersion = RemotingSerializable.decode(request.getBody(), DataVersion.class);
        } catch (RuntimeException e) {
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR,
                "QUERY_DATA_VERSION body is not a DataVersion JSON: " + e.getMessage());
        }
        boolean changed = routeInfoManager.isBrokerTopicConfigChanged(header.getBrokerAddr(), dataVersion);
        if (!changed) {
            routeInfoManager.updateBrokerInfoUpdateTimestamp(header.getBrokerAddr(), clock.millis());
        }
        DataVersion stored = routeInfoManager.queryBrokerTopicConfig(header.getBrokerAddr());
        RemotingCommand response = RemotingCommand.createResponseCommand(QueryDataVersionResponseHeader.class);
        ((QueryDataVersionResponseHeader) response.readCustomHeader()).setChanged(changed);
        if (stored != null) {
            response.setBody(stored.encode());
        }
        response.setCode(ResponseCode.SUCCESS);
        return response;
    }
}
