package org.cometmq.tools.admin.impl;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.RpcInvoker;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.protocol.header.namesrv.AddWritePermOfBrokerRequestHeader;
import org.cometmq.common.protocol.header.namesrv.AddWritePermOfBrokerResponseHeader;
import org.cometmq.common.protocol.header.namesrv.DeleteKVConfigRequestHeader;
import org.cometmq.common.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import org.cometmq.common.protocol.header.namesrv.GetKVListByNamespaceRequestHeader;
import org.cometmq.common.protocol.header.namesrv.PutKVConfigRequestHeader;
import org.cometmq.common.protocol.header.namesrv.WipeWritePermOfBrokerRequestHeader;
import org.cometmq.common.protocol.header.namesrv.WipeWritePermOfBrokerResponseHeader;
import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingSendRequestException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * The name server admin requests of spec 4.14, one short method each over the client's {@link RpcInvoker}.
 * A {@code null} address means "any name server"; requests that change state on every name server (KV config,
 * name server config) are sent to each configured one in turn, and the first refusal becomes an
 * {@link MQClientException} carrying its response code.
 */
public class NamesrvAdminCalls {
    /** Header field of GET_TOPICS_BY_CLUSTER (224); sent as a plain ext field. */
    static final String CLUSTER_FIELD = "cluster";

    private final RpcInvoker rpc;
    private final long timeoutMillis;

    public NamesrvAdminCalls(RpcInvoker rpc, long timeoutMillis) {
        this.rpc = rpc;
        this.timeoutMillis = timeoutMillis;
    }

    private RemotingCommand call(String addr, int code, CommandCustomHeader header, byte[] body)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException,
        MQClientException {
        RemotingCommand request = RpcInvoker.command(code, header, body);
        return acceptOrClientError(rpc.getRemotingClient().invokeSync(addr, request, timeoutMillis), addr);
    }

    /** Name server refusals are client errors in the RocketMQ admin API, with the server's code and remark. */
    private static RemotingCommand acceptOrClientError(RemotingCommand response, String addr)
        throws MQClientException {
        try {
            return RpcInvoker.accept(response, addr);
        } catch (MQBrokerException e) {
            throw new MQClientException(e.getResponseCode(), e.getErrorMessage());
        }
    }

    /** The configured name servers, or {@code addrs} when given. */
    private List<String> targets(List<String> addrs) {
        return addrs == null || addrs.isEmpty() ? rpc.getRemotingClient().getNameServerAddressList() : addrs;
    }

    /** GET_BROKER_CLUSTER_INFO; a refusal stays a broker-style error, as RocketMQ's admin API declares it. */
    public ClusterInfo getBrokerClusterInfo() throws InterruptedException, RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        RemotingCommand request = RpcInvoker.command(RequestCode.GET_BROKER_CLUSTER_INFO, null, null);
        RemotingCommand response = RpcInvoker.accept(
            rpc.getRemotingClient().invokeSync(null, request, timeoutMillis), null);
        return RemotingSerializable.decode(response.getBody(), ClusterInfo.class);
    }

    public TopicList getTopicsByCluster(String cluster) throws InterruptedException, RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQClientException {
        RemotingCommand request = RpcInvoker.command(RequestCode.GET_TOPICS_BY_CLUSTER, null, null);
        request.addExtField(CLUSTER_FIELD, cluster);
        RemotingCommand response = acceptOrClientError(
            rpc.getRemotingClient().invokeSync(null, request, timeoutMillis), null);
        return RemotingSerializable.decode(response.getBody(), TopicList.class);
    }

    public void deleteTopicInNameServer(String addr, String clusterName, String topic) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQClientException {
        DeleteTopicFromNamesrvRequestHeader header = new DeleteTopicFromNamesrvRequestHeader();
        header.setTopic(topic);
        header.setClusterName(clusterName);
        call(addr, RequestCode.DELETE_TOPIC_IN_NAMESRV, header, null);
    }

    public int wipeWritePermOfBroker(String namesrvAddr, String brokerName) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, RemotingCommandException,
        MQClientException {
        WipeWritePermOfBrokerRequestHeader header = new WipeWritePermOfBrokerRequestHeader();
        header.setBrokerName(brokerName);
        return call(namesrvAddr, RequestCode.WIPE_WRITE_PERM_OF_BROKER, header, null)
            .decodeCommandCustomHeader(WipeWritePermOfBrokerResponseHeader.class).getWipeTopicCount();
    }

    public int addWritePermOfBroker(String namesrvAddr, String brokerName) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, RemotingCommandException,
        MQClientException {
        AddWritePermOfBrokerRequestHeader header = new AddWritePermOfBrokerRequestHeader();
        header.setBrokerName(brokerName);
        return call(namesrvAddr, RequestCode.ADD_WRITE_PERM_OF_BROKER, header, null)
            .decodeCommandCustomHeader(AddWritePermOfBrokerResponseHeader.class).getAddTopicCount();
    }

    /** PUT_KV_CONFIG to every configured name server. */
    public void putKVConfigValue(String namespace, String key, String value) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQClientException {
        PutKVConfigRequestHeader header = new PutKVConfigRequestHeader();
        header.setNamespace(namespace);
        header.setKey(key);
        header.setValue(value);
        for (String addr : targets(null)) {
            call(addr, RequestCode.PUT_KV_CONFIG, header, null);
        }
    }

    /** DELETE_KV_CONFIG on every configured name server. */
    public void deleteKVConfigValue(String namespace, String key) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQClientException {
        DeleteKVConfigRequestHeader header = new DeleteKVConfigRequestHeader();
        header.setNamespace(namespace);
        header.setKey(key);
        for (String addr : targets(null)) {
            call(addr, RequestCode.DELETE_KV_CONFIG, header, null);
        }
    }

    public KVTable getKVListByNamespace(String namespace) throws InterruptedException, RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQClientException {
        GetKVListByNamespaceRequestHeader header = new GetKVListByNamespaceRequestHeader();
        header.setNamespace(namespace);
        return RemotingSerializable.decode(call(null, RequestCode.GET_KVLIST_BY_NAMESPACE, header, null).getBody(),
            KVTable.class);
    }

    /** Each name server's configuration, keyed by its address, in the order asked. */
    public Map<String, Properties> getNameServerConfig(List<String> addrs) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQClientException {
        Map<String, Properties> configs = new LinkedHashMap<>();
        for (String addr : targets(addrs)) {
            byte[] body = call(addr, RequestCode.GET_NAMESRV_CONFIG, null, null).getBody();
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            configs.put(addr, MixAll.string2Properties(text));
        }
        return configs;
    }

    public void updateNameServerConfig(Properties properties, List<String> addrs) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQClientException {
        byte[] body = MixAll.properties2String(properties).getBytes(StandardCharsets.UTF_8);
        for (String addr : targets(addrs)) {
            call(addr, RequestCode.UPDATE_NAMESRV_CONFIG, null, body);
        }
    }
}
