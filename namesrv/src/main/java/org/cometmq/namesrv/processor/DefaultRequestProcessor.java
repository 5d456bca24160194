package org.cometmq.namesrv.processor;

import io.netty.channel.ChannelHandlerContext;
import java.util.function.LongSupplier;
import org.cometmq.common.namesrv.NamesrvConfig;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.namesrv.config.NamesrvConfiguration;
import org.cometmq.namesrv.kvconfig.KVConfigManager;
import org.cometmq.namesrv.routeinfo.RouteInfoManager;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every name-server request code by handing it to the handler for its concern (KV config, broker
 * registration, routes, own config). A malformed request (missing header field, bad body) is answered with
 * SYSTEM_ERROR and a remark saying what was wrong; nothing is changed and the server keeps serving.
 */
public class DefaultRequestProcessor implements NettyRequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(DefaultRequestProcessor.class);

    private final KVConfigRequestHandler kvConfig;
    private final BrokerRequestHandler brokers;
    private final RouteRequestHandler routes;
    private final NamesrvConfigRequestHandler config;

    public DefaultRequestProcessor(RouteInfoManager routeInfoManager, KVConfigManager kvConfigManager,
        NamesrvConfiguration configuration, LongSupplier clock) {
        NamesrvConfig namesrvConfig = configuration.getNamesrvConfig();
        this.kvConfig = new KVConfigRequestHandler(kvConfigManager);
        this.brokers = new BrokerRequestHandler(routeInfoManager, kvConfigManager, clock);
        this.routes = new RouteRequestHandler(routeInfoManager, kvConfigManager, namesrvConfig);
        this.config = new NamesrvConfigRequestHandler(configuration);
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) {
        try {
            return dispatch(ctx, request);
        } catch (RemotingCommandException e) {
            log.warn("bad request code {} from {}: {}", request.getCode(), remoteAddr(ctx), e.getMessage());
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("request code {} from {} failed", request.getCode(), remoteAddr(ctx), e);
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR,
                "request code " + request.getCode() + " failed on the name server: " + e);
        }
    }

    private RemotingCommand dispatch(ChannelHandlerContext ctx, RemotingCommand request)
        throws RemotingCommandException {
        switch (request.getCode()) {
            case RequestCode.PUT_KV_CONFIG:
                return kvConfig.putKVConfig(request);
            case RequestCode.GET_KV_CONFIG:
                return kvConfig.getKVConfig(request);
            case RequestCode.DELETE_KV_CONFIG:
                return kvConfig.deleteKVConfig(request);
            case RequestCode.GET_KVLIST_BY_NAMESPACE:
                return kvConfig.getKVListByNamespace(request);
            case RequestCode.QUERY_DATA_VERSION:
                return brokers.queryDataVersion(request);
            case RequestCode.REGISTER_BROKER:
                return brokers.registerBroker(ctx, request);
            case RequestCode.UNREGISTER_BROKER:
                return brokers.unregisterBroker(request);
            case RequestCode.GET_ROUTEINFO_BY_TOPIC:
                return routes.getRouteInfoByTopic(request);
            case RequestCode.GET_BROKER_CLUSTER_INFO:
                return routes.getBrokerClusterInfo();
            case RequestCode.WIPE_WRITE_PERM_OF_BROKER:
                return routes.wipeWritePermOfBroker(request);
            case RequestCode.ADD_WRITE_PERM_OF_BROKER:
                return routes.addWritePermOfBroker(request);
            case RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER:
                return routes.getAllTopicList();
            case RequestCode.DELETE_TOPIC_IN_NAMESRV:
                return routes.deleteTopicInNamesrv(request);
            case RequestCode.GET_TOPICS_BY_CLUSTER:
                return routes.getTopicsByCluster(request);
            case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS:
                return routes.getSystemTopicList();
            case RequestCode.GET_UNIT_TOPIC_LIST:
                return routes.getUnitTopicList();
            case RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST:
                return routes.getHasUnitSubTopicList();
            case RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST:
                return routes.getHasUnitSubUnUnitTopicList();
            case RequestCode.UPDATE_NAMESRV_CONFIG:
                return config.updateConfig(request);
            case RequestCode.GET_NAMESRV_CONFIG:
                return config.getConfig();
            default:
                return RemotingCommand.createResponseCommand(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + request.getCode() + " not supported");
        }
    }

    private static String remoteAddr(ChannelHandlerContext ctx) {
        return ctx == null ? "-" : RemotingHelper.parseChannelRemoteAddr(ctx.channel());
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
