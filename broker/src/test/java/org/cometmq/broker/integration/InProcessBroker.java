package org.cometmq.broker.integration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cometmq.broker.BrokerController;
import org.cometmq.broker.config.BrokerConfiguration;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.header.PullMessageRequestHeader;
import org.cometmq.common.protocol.header.SendMessageRequestHeader;
import org.cometmq.common.protocol.header.SendMessageRequestHeaderV2;
import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.netty.NettyClientConfig;
import org.cometmq.remoting.netty.NettyRemotingClient;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.config.MessageStoreConfig;

/** A broker in the test JVM on an ephemeral loopback port (no name server), and a raw client talking to it. */
final class InProcessBroker implements AutoCloseable {
    final BrokerController controller;
    final NettyRemotingClient client;
    final String addr;

    InProcessBroker(Path storeDir, Properties overrides) throws Exception {
        NettyServerConfig server = new NettyServerConfig();
        server.setListenPort(0);
        BrokerConfig brokerConfig = new BrokerConfig();
        brokerConfig.setBrokerName("broker-it");
        brokerConfig.setBrokerIP1("127.0.0.1");
        brokerConfig.setNamesrvAddr(null);
        MessageStoreConfig storeConfig = new MessageStoreConfig();
        storeConfig.setStorePathRootDir(storeDir.toString());
        storeConfig.setMappedFileSizeCommitLog(4 * 1024 * 1024);
        storeConfig.setMappedFileSizeConsumeQueue(30_000 * 20);
        storeConfig.setMaxHashSlotNum(1000);
        storeConfig.setMaxIndexNum(4000);
        BrokerConfiguration configuration = new BrokerConfiguration(brokerConfig, storeConfig, server,
            new NettyClientConfig());
        configuration.apply(overrides);
        controller = new BrokerController(configuration);
        if (!controller.initialize()) {
            throw new IllegalStateException("broker did not initialize");
        }
        controller.start();
        addr = controller.getBrokerAddr();
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    RemotingCommand call(int code, CommandCustomHeader header, byte[] body) throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, header);
        request.setBody(body);
        return client.invokeSync(addr, request, 10_000);
    }

    static SendMessageRequestHeaderV2 sendHeader(String topic, int queueId, Map<String, String> properties) {
        SendMessageRequestHeader v1 = new SendMessageRequestHeader();
        v1.setProducerGroup("pg");
        v1.setTopic(topic);
        v1.setDefaultTopic("TBW102");
        v1.setDefaultTopicQueueNums(4);
        v1.setQueueId(queueId);
        v1.setSysFlag(0);
        v1.setBornTimestamp(System.currentTimeMillis());
        v1.setFlag(0);
        v1.setProperties(MessageDecoder.messageProperties2String(properties));
        v1.setReconsumeTimes(0);
        v1.setBatch(false);
        return SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(v1);
    }

    RemotingCommand send(String topic, int queueId, String body, Map<String, String> properties) throws Exception {
        return call(RequestCode.SEND_MESSAGE_V2, sendHeader(topic, queueId, properties),
            body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static PullMessageRequestHeader pullHeader(String group, String topic, int queueId, long offset, int sysFlag,
                                               long suspendMillis, String subscription) {
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(topic);
        header.setQueueId(queueId);
        header.setQueueOffset(offset);
        header.setMaxMsgNums(32);
        header.setSysFlag(sysFlag);
        header.setCommitOffset(0L);
        header.setSuspendTimeoutMillis(suspendMillis);
        header.setSubscription(subscription);
        header.setSubVersion(0L);
        header.setExpressionType("TAG");
        return header;
    }

    RemotingCommand pull(PullMessageRequestHeader header) throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.PULL_MESSAGE, header);
        return client.invokeSync(addr, request, 30_000);
    }

    static List<org.cometmq.common.message.MessageExt> decode(RemotingCommand response) {
        return MessageDecoder.decodes(java.nio.ByteBuffer.wrap(response.getBody()));
    }

    @Override
    public void close() {
        client.shutdown();
        controller.shutdown();
    }
}
