package org.cometmq.namesrv.processor;

import io.netty.channel.ChannelHandlerContext;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
 * Serves every name-server request code: one table maps each code to the handler for its concern (KV config,
 * broker registration, routes, own config), and the controller registers this processor for exactly those codes. A malformed request (missing header field, bad body) is answered with
 * SYSTEM_ERROR and a remark saying what was wrong; nothing is changed and the server keeps serving.
 */
public class DefaultRequestProcessor implements NettyRequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(DefaultRequestProcessor.class);

    private final KVConfigRequestHandler kvConfig;
    private final BrokerRequestHandler brokers;
    private final RouteRequestHandler routes;
    private final NamesrvConfigRequestHandler config;
    private final Map<Integer, Handler> handlers;

    public DefaultRequestProcessor(RouteInfoManager routeInfoManager, KVConfigManager kvConfigManager,
        NamesrvConfiguration configuration, Clock clock) {
        NamesrvConfig namesrvConfig = configuration.getNamesrvConfig();
        this.kvConfig = new KVConfigRequestHandler(kvConfigManager);
        this.brokers = new BrokerRequestHandler(routeInfoManager, kvConfigManager, clock);
        this.routes = new RouteRequestHandler(routeInfoManager, kvConfigManager, namesrvConfig);
        this.config = new NamesrvConfigRequestHandler(configuration);
        this.handlers = buildHandlers();
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
        Handler handler = handlers.get(request.getCode());
        if (handler == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        }
        return handler.handle(ctx, request);
    }

    /** The request codes this processor serves; the controller registers it for each. */
    public Set<Integer> requestCodes() {
        return Collections.unmodifiableSet(handlers.keySet());
    }

    private Map<Integer, Handler> buildHandlers() {
        Map<Integer, Handler> table = new LinkedHashMap<>();
        table.put(RequestCode.PUT_KV_CONFIG, (ctx, request) -> kvConfig.putKVConfig(request));
        table.put(RequestCode.GET_KV_CONFIG, (ctx, request) -> kvConfig.getKVConfig(request));
        table.put(RequestCode.DELETE_KV_CONFIG, (ctx, request) -> kvConfig.deleteKVConfig(request));
        table.put(RequestCode.GET_KVLIST_BY_NAMESPACE, (ctx, request) -> kvConfig.getKVListByNamespace(request));
        table.put(RequestCode.QUERY_DATA_VERSION, (ctx, request) -> brokers.queryDataVersion(request));
        table.put(RequestCode.REGISTER_BROKER, brokers::registerBroker);
        table.put(RequestCode.UNREGISTER_BROKER, (ctx, request) -> brokers.unregisterBroker(request));
        table.put(RequestCode.GET_ROUTEINFO_BY_TOPIC, (ctx, request) -> routes.getRouteInfoByTopic(request));
        table.put(RequestCode.GET_BROKER_CLUSTER_INFO, (ctx, request) -> routes.getBrokerClusterInfo());
        table.put(RequestCode.WIPE_WRITE_PERM_OF_BROKER, (ctx, request) -> routes.wipeWritePermOfBroker(request));
        table.put(RequestCode.ADD_WRITE_PERM_OF_BROKER, (ctx, request) -> routes.addWritePermOfBroker(request));
        table.put(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, (ctx, request) -> routes.getAllTopicList());
        table.put(RequestCode.DELETE_TOPIC_IN_NAMESRV, (ctx, request) -> routes.deleteTopicInNamesrv(request));
        table.put(RequestCode.GET_TOPICS_BY_CLUSTER, (ctx, request) -> routes.getTopicsByCluster(request));
        table.put(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS, (ctx, request) -> routes.getSystemTopicList());
        table.put(RequestCode.GET_UNIT_TOPIC_LIST, (ctx, request) -> routes.getUnitTopicList());
        table.put(RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST, (ctx, request) -> routes.getHasUnitSubTopicList());
        table.put(RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST, (ctx, request) -> routes.getHasUnitSubUnUnitTopicList());
        table.put(RequestCode.UPDATE_NAMESRV_CONFIG, (ctx, request) -> config.updateConfig(request));
        table.put(RequestCode.GET_NAMESRV_CONFIG, (ctx, request) -> config.getConfig());
        return table;
    }

    /** Serves one request code. */
    private interface Handler {
        RemotingCommand handle(ChannelHandlerContext ctx, RemotingCommand request) throws RemotingCommandException;
    }

    private static String remoteAddr(ChannelHandlerContext ctx) {
        return ctx == null ? "-" : RemotingHelper.parseChannelRemoteAddr(ctx.channel());
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
