package org.cometmq.namesrv.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.cometmq.common.MixAll;
import org.cometmq.common.config.RemoteConfigGuard;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.namesrv.config.NamesrvConfiguration;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * UPDATE_NAMESRV_CONFIG and GET_NAMESRV_CONFIG: the name server's own settings as properties text. Updates of
 * keys in {@code configBlackList} or naming a location ({@link RemoteConfigGuard}) are refused with NO_PERMISSION,
 * unknown keys and 4.9.7 settings CometMQ does not implement with SYSTEM_ERROR naming each key.
 */
final class NamesrvConfigRequestHandler {
    private final NamesrvConfiguration configuration;

    NamesrvConfigRequestHandler(NamesrvConfiguration configuration) {
        this.configuration = configuration;
    }

    RemotingCommand updateConfig(RemotingCommand request) {
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        }
        Properties properties = MixAll.string2Properties(new String(body, StandardCharsets.UTF_8));
        if (properties == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR,
                "UPDATE_NAMESRV_CONFIG body is not properties text (key=value lines)");
        }
        Set<String> refused = configuration.blackListedKeys(properties);
        refused.addAll(RemoteConfigGuard.refusedKeys(properties));
        if (!refused.isEmpty()) {
            return RemotingCommand.createResponseCommand(ResponseCode.NO_PERMISSION,
                RemoteConfigGuard.refusalRemark(refused));
        }
        Map<String, String> unsettable = configuration.unsettableKeys(properties);
        if (!unsettable.isEmpty()) {
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR,
                "nothing updated: " + String.join("; ", unsettable.values()));
        }
        try {
            configuration.update(properties);
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR, e.getMessage());
        } catch (IOException e) {
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR,
                "config updated in memory but not persisted: " + e.getMessage());
        }
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    RemotingCommand getConfig() {
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        response.setBody(configuration.getReportedConfigsFormatString().getBytes(StandardCharsets.UTF_8));
        return response;
    }
}
