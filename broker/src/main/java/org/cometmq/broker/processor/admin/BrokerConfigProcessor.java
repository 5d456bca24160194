package org.cometmq.broker.processor.admin;

import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.cometmq.broker.config.BrokerConfiguration;
import org.cometmq.broker.processor.Responses;
import org.cometmq.broker.stats.BrokerRuntimeInfo;
import org.cometmq.common.MixAll;
import org.cometmq.common.config.RemoteConfigGuard;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.GetBrokerConfigResponseHeader;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broker settings and state: UPDATE_BROKER_CONFIG (never for a key {@link RemoteConfigGuard} refuses),
 * GET_BROKER_CONFIG, GET_BROKER_RUNTIME_INFO, and the manual store maintenance calls CLEAN_EXPIRED_CONSUMEQUEUE
 * and DELETE_EXPIRED_COMMITLOG.
 */
public class BrokerConfigProcessor implements NettyRequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(BrokerConfigProcessor.class);
    private final BrokerConfiguration configuration;
    private final BrokerRuntimeInfo runtimeInfo;
    private final MessageStore store;
    private final Runnable onPermissionChange;

    /**
     * @param onPermissionChange run after brokerPermission changed, so the name servers learn the new permission
     */
    public BrokerConfigProcessor(BrokerConfiguration configuration, BrokerRuntimeInfo runtimeInfo, MessageStore store,
                                 Runnable onPermissionChange) {
        this.configuration = configuration;
        this.runtimeInfo = runtimeInfo;
        this.store = store;
        this.onPermissionChange = onPermissionChange;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.UPDATE_BROKER_CONFIG:
                return updateConfig(ctx, request);
            case RequestCode.GET_BROKER_CONFIG:
                return getConfig();
            case RequestCode.GET_BROKER_RUNTIME_INFO:
                return Responses.json(runtimeInfo.build());
            case RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE:
                store.cleanExpiredConsumerQueue();
                return Responses.success();
            case RequestCode.DELETE_EXPIRED_COMMITLOG:
                store.executeDeleteFilesManually();
                return Responses.success();
            default:
                return Responses.notSupported(request.getCode());
        }
    }

    private RemotingCommand updateConfig(ChannelHandlerContext ctx, RemotingCommand request) {
        if (request.getBody() == null) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "UPDATE_BROKER_CONFIG needs a body of key=value lines");
        }
        Properties properties = MixAll.string2Properties(new String(request.getBody(), StandardCharsets.UTF_8));
        if (properties == null) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "the body is not key=value properties text");
        }
        Set<String> refused = RemoteConfigGuard.refusedKeys(properties);
        if (!refused.isEmpty()) {
            log.warn("UPDATE_BROKER_CONFIG from {} refused: {} may not be changed remotely",
                RemotingHelper.parseChannelRemoteAddr(ctx.channel()), refused);
            return Responses.error(ResponseCode.NO_PERMISSION, RemoteConfigGuard.refusalRemark(refused));
        }
        Map<String, String> unsettable = configuration.unsettableKeys(properties);
        if (!unsettable.isEmpty()) {
            log.warn("UPDATE_BROKER_CONFIG from {} refused: {}", RemotingHelper.parseChannelRemoteAddr(ctx.channel()),
                unsettable.values());
            return Responses.error(ResponseCode.SYSTEM_ERROR, "nothing updated: "
                + String.join("; ", unsettable.values()));
        }
        try {
            configuration.update(properties);
        } catch (IllegalArgumentException e) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        if (properties.containsKey("brokerPermission")) {
            onPermissionChange.run();
        }
        return Responses.success();
    }

    private RemotingCommand getConfig() {
        RemotingCommand response = RemotingCommand.createResponseCommand(GetBrokerConfigResponseHeader.class);
        ((GetBrokerConfigResponseHeader) response.readCustomHeader())
            .setVersion(configuration.getDataVersion().toJson());
        response.setBody(MixAll.properties2String(withoutSecrets(configuration.reportedProperties()))
            .getBytes(StandardCharsets.UTF_8));
        response.setCode(ResponseCode.SUCCESS);
        response.setRemark(null);
        return response;
    }

    /** The settings as reported to admin tools: the TLS key and trust store passwords are never answered. */
    static java.util.Properties withoutSecrets(java.util.Properties all) {
        all.stringPropertyNames().stream()
            .filter(key -> key.toLowerCase(java.util.Locale.ROOT).contains("password"))
            .forEach(all::remove);
        return all;
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
