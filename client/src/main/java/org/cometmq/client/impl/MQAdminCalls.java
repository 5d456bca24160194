package org.cometmq.client.impl;

import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.protocol.header.namesrv.GetKVConfigRequestHeader;
import org.cometmq.common.protocol.header.namesrv.GetKVConfigResponseHeader;
import org.cometmq.remoting.exception.RemotingException;

/**
 * Requests of operators and admin tools (cluster and topic listings, KV config, ...), each one call on the shared
 * {@link RpcInvoker}. A {@code null} address means "a name server".
 */
public class MQAdminCalls {
    private final RpcInvoker rpc;

    public MQAdminCalls(RpcInvoker rpc) {
        this.rpc = rpc;
    }

    public ClusterInfo getBrokerClusterInfo(long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        return rpc.callForBody(null, RequestCode.GET_BROKER_CLUSTER_INFO, null, null, timeoutMillis,
            ClusterInfo.class);
    }

    public TopicList getTopicListFromNameServer(long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        return rpc.callForBody(null, RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null, null, timeoutMillis,
            TopicList.class);
    }

    public String getKVConfigValue(String namespace, String key, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        GetKVConfigRequestHeader header = new GetKVConfigRequestHeader();
        header.setNamespace(namespace);
        header.setKey(key);
        return rpc.callForHeader(null, RequestCode.GET_KV_CONFIG, header, timeoutMillis,
            GetKVConfigResponseHeader.class).getValue();
    }

    public RpcInvoker rpc() {
        return rpc;
    }
}
