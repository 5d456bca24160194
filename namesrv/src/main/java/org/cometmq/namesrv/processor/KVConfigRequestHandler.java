package org.cometmq.namesrv.processor;

import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.namesrv.DeleteKVConfigRequestHeader;
import org.cometmq.common.protocol.header.namesrv.GetKVConfigRequestHeader;
import org.cometmq.common.protocol.header.namesrv.GetKVConfigResponseHeader;
import org.cometmq.common.protocol.header.namesrv.GetKVListByNamespaceRequestHeader;
import org.cometmq.common.protocol.header.namesrv.PutKVConfigRequestHeader;
import org.cometmq.namesrv.kvconfig.KVConfigManager;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.protocol.RemotingCommand;

/** PUT_KV_CONFIG, GET_KV_CONFIG, DELETE_KV_CONFIG and GET_KVLIST_BY_NAMESPACE. */
final class KVConfigRequestHandler {
    private final KVConfigManager kvConfigManager;

    KVConfigRequestHandler(KVConfigManager kvConfigManager) {
        this.kvConfigManager = kvConfigManager;
    }

    RemotingCommand putKVConfig(RemotingCommand request) throws RemotingCommandException {
        PutKVConfigRequestHeader header = request.decodeCommandCustomHeader(PutKVConfigRequestHeader.class);
        kvConfigManager.putKVConfig(header.getNamespace(), header.getKey(), header.getValue());
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    RemotingCommand getKVConfig(RemotingCommand request) throws RemotingCommandException {
        GetKVConfigRequestHeader header = request.decodeCommandCustomHeader(GetKVConfigRequestHeader.class);
        String value = kvConfigManager.getKVConfig(header.getNamespace(), header.getKey());
        if (value == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.QUERY_NOT_FOUND,
                "No config item, Namespace: " + header.getNamespace() + " Key: " + header.getKey());
        }
        RemotingCommand response = RemotingCommand.createResponseCommand(GetKVConfigResponseHeader.class);
        ((GetKVConfigResponseHeader) response.readCustomHeader()).setValue(value);
        response.setCode(ResponseCode.SUCCESS);
        return response;
    }

    RemotingCommand deleteKVConfig(RemotingCommand request) throws RemotingCommandException {
        DeleteKVConfigRequestHeader header = request.decodeCommandCustomHeader(DeleteKVConfigRequestHeader.class);
        kvConfigManager.deleteKVConfig(header.getNamespace(), header.getKey());
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    RemotingCommand getKVListByNamespace(RemotingCommand request) throws RemotingCommandException {
        GetKVListByNamespaceRequestHeader header =
            request.decodeCommandCustomHeader(GetKVListByNamespaceRequestHeader.class);
        byte[] body = kvConfigManager.getKVListByNamespace(header.getNamespace());
        if (body == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.QUERY_NOT_FOUND,
                "No config item, Namespace: " + header.getNamespace());
        }
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        response.setBody(body);
        return response;
    }
}
