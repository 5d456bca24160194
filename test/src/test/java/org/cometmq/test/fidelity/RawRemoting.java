package org.cometmq.test.fidelity;

import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.body.RegisterBrokerBody;
import org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.apache.rocketmq.common.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2;
import org.apache.rocketmq.common.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * Requests written with Apache 4.9.7's own remoting client and header classes, so nothing on the way checks or
 * retries them: what a server answers is exactly what comes back, version field and remark included.
 */
public final class RawRemoting implements AutoCloseable {
    /** The version ordinal of a 4.9.7 client (V4_9_7). */
    static final int V4_9_7 = 407;
    /** The version ordinal of a 4.9.3 client (V4_9_3), the last release before standard route JSON. */
    static final int V4_9_3 = 399;
    private static final long TIMEOUT_MILLIS = 10_000;

    private final NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());

    RawRemoting() {
        client.start();
    }

    /** Sends {@code request} to {@code addr} and returns the answer. */
    RemotingCommand invoke(String addr, RemotingCommand request) throws Exception {
        return client.invokeSync(addr, request, TIMEOUT_MILLIS);
    }

    static RemotingCommand request(int code, CommandCustomHeader header) {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, header);
        request.setVersion(V4_9_7);
        return request;
    }

    /** GET_ROUTEINFO_BY_TOPIC as a client of {@code version} sends it. */
    RemotingCommand route(String namesrvAddr, String topic, int version) throws Exception {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        RemotingCommand request = request(RequestCode.GET_ROUTEINFO_BY_TOPIC, header);
        request.setVersion(version);
        return invoke(namesrvAddr, request);
    }

    /** SEND_MESSAGE_V2 of one message with {@code body}, auto-creating from {@code defaultTopic} if allowed. */
    RemotingCommand send(String brokerAddr, String topic, String defaultTopic, int queueId, byte[] body)
        throws Exception {
        RemotingCommand request = sendRequest(topic, defaultTopic, queueId, body);
        request.setVersion(V4_9_7);
        return invoke(brokerAddr, request);
    }

    /** A SEND_MESSAGE_V2 request as a producer writes it, without any of the producer's checks. */
    public static RemotingCommand sendRequest(String topic, String defaultTopic, int queueId, byte[] body) {
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup("raw_pg");
        header.setTopic(topic);
        header.setDefaultTopic(defaultTopic);
        header.setDefaultTopicQueueNums(4);
        header.setQueueId(queueId);
        header.setSysFlag(0);
        header.setBornTimestamp(System.currentTimeMillis());
        header.setFlag(0);
        header.setProperties("");
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2,
            SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(header));
        request.setBody(body);
        return request;
    }

    /** PULL_MESSAGE without suspension; {@code withSubscription} sends the subscription "*" in the request. */
    RemotingCommand pull(String brokerAddr, String group, String topic, int queueId, boolean withSubscription)
        throws Exception {
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(topic);
        header.setQueueId(queueId);
        header.setQueueOffset(0L);
        header.setMaxMsgNums(32);
        header.setSysFlag(withSubscription ? 2 : 0);
        header.setCommitOffset(0L);
        header.setSuspendTimeoutMillis(0L);
        header.setSubscription(withSubscription ? "*" : null);
        header.setSubVersion(0L);
        header.setExpressionType("TAG");
        return invoke(brokerAddr, request(RequestCode.PULL_MESSAGE, header));
    }

    /** REGISTER_BROKER of a broker that exists only in this request, serving {@code topic} with 4 queues. */
    RemotingCommand registerBroker(String namesrvAddr, String clusterName, String brokerName, String brokerAddr,
                                   String topic) throws Exception {
        TopicConfigSerializeWrapper topics = new TopicConfigSerializeWrapper();
        topics.getTopicConfigTable().put(topic, new TopicConfig(topic, 4, 4, 6));
        RegisterBrokerBody body = new RegisterBrokerBody();
        body.setTopicConfigSerializeWrapper(topics);
        byte[] encoded = body.encode(false);
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader();
        header.setClusterName(clusterName);
        header.setBrokerName(brokerName);
        header.setBrokerAddr(brokerAddr);
        header.setHaServerAddr(brokerAddr);
        header.setBrokerId(0L);
        header.setCompressed(false);
        header.setBodyCrc32(UtilAll.crc32(encoded));
        RemotingCommand request = request(RequestCode.REGISTER_BROKER, header);
        request.setBody(encoded);
        return invoke(namesrvAddr, request);
    }

    /** UNREGISTER_BROKER of what {@link #registerBroker} registered. */
    RemotingCommand unregisterBroker(String namesrvAddr, String clusterName, String brokerName, String brokerAddr)
        throws Exception {
        UnRegisterBrokerRequestHeader header = new UnRegisterBrokerRequestHeader();
        header.setClusterName(clusterName);
        header.setBrokerName(brokerName);
        header.setBrokerAddr(brokerAddr);
        header.setBrokerId(0L);
        return invoke(namesrvAddr, request(RequestCode.UNREGISTER_BROKER, header));
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
