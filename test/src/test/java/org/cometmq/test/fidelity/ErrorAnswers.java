package org.cometmq.test.fidelity;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.apache.rocketmq.common.protocol.header.CreateTopicRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetConsumerConnectionListRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetProducerConnectionListRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetTopicStatsInfoRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.GetKVConfigRequestHeader;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.client.ClientCluster;

/**
 * The common mistakes a client can make, each sent as a raw request, and the code and remark the server answers
 * with: {@code "code | remark"}, with loopback addresses and the broker's name replaced by fixed words, so the
 * answers of two clusters compare as text.
 */
final class ErrorAnswers {
    static final String GROUP = "fidelity_known_cg";
    static final String WRITE_ONLY_TOPIC = "FidelityWriteOnly";
    static final String MISSING_TOPIC = "FidelityNeverCreated";
    static final String MISSING_GROUP = "fidelity_missing_cg";
    private static final int OVER_MAX_MESSAGE_SIZE = 4 * 1024 * 1024 + 1;

    private final ClientCluster cluster;
    private final DefaultMQAdminExt admin;
    private final RawRemoting raw;
    private final Map<String, String> answers = new LinkedHashMap<>();

    ErrorAnswers(ClientCluster cluster, DefaultMQAdminExt admin, RawRemoting raw) {
        this.cluster = cluster;
        this.admin = admin;
        this.raw = raw;
    }

    /** Sends every bad request once and returns the answers by case name, in the order sent. */
    Map<String, String> collect() throws Exception {
        prepare();
        String broker = cluster.brokerAddr();
        byte[] body = "fidelity".getBytes(StandardCharsets.UTF_8);
        put("route of a missing topic", raw.route(cluster.namesrvAddr(), MISSING_TOPIC, RawRemoting.V4_9_7));
        // Also what a send answers with autoCreateTopicEnable=false: the template (TBW102) then allows no creation.
        put("send, template topic missing", raw.send(broker, MISSING_TOPIC, "FidelityNoTemplate", 0, body));
        put("send, illegal topic name", raw.send(broker, "has space", "TBW102", 0, body));
        put("send, topic too long", raw.send(broker, "L".repeat(128), "TBW102", 0, body));
        put("send, system topic", raw.send(broker, "SCHEDULE_TOPIC_XXXX", "TBW102", 0, body));
        put("send, queue id too big", raw.send(broker, WRITE_ONLY_TOPIC, "TBW102", 9, body));
        put("send, message too large", raw.send(broker, WRITE_ONLY_TOPIC, "TBW102", 0, new byte[OVER_MAX_MESSAGE_SIZE]));
        put("pull, missing group", raw.pull(broker, MISSING_GROUP, WRITE_ONLY_TOPIC, 0, true));
        put("pull, missing topic", raw.pull(broker, GROUP, MISSING_TOPIC, 0, true));
        put("pull, topic not readable", raw.pull(broker, GROUP, WRITE_ONLY_TOPIC, 0, true));
        put("pull, no subscription", raw.pull(broker, GROUP, "TBW102", 0, false));
        put("send back, missing group", sendBack(MISSING_GROUP));
        put("create system topic", createTopic("SCHEDULE_TOPIC_XXXX"));
        put("create illegal topic", createTopic("has space"));
        put("query offset, no offset", queryConsumerOffset());
        put("query message, no key", queryMessage());
        put("topic stats, missing topic", topicStats());
        put("consumer connections, offline", consumerConnections());
        put("producer connections, none", producerConnections());
        put("kv config, missing", missingKvConfig());
        put("broker, unknown code", raw.invoke(broker, RawRemoting.request(9999, null)));
        return answers;
    }

    private void prepare() throws Exception {
        TopicConfig writeOnly = new TopicConfig(WRITE_ONLY_TOPIC, 4, 4, 2);
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), writeOnly);
        SubscriptionGroupConfig group = new SubscriptionGroupConfig();
        group.setGroupName(GROUP);
        admin.createAndUpdateSubscriptionGroupConfig(cluster.brokerAddr(), group);
    }

    private RemotingCommand sendBack(String group) throws Exception {
        ConsumerSendMsgBackRequestHeader header = new ConsumerSendMsgBackRequestHeader();
        header.setGroup(group);
        header.setOffset(0L);
        header.setDelayLevel(0);
        header.setOriginTopic(WRITE_ONLY_TOPIC);
        header.setOriginMsgId("00000000000000000000000000000000");
        header.setMaxReconsumeTimes(16);
        return raw.invoke(cluster.brokerAddr(), RawRemoting.request(RequestCode.CONSUMER_SEND_MSG_BACK, header));
    }

    private RemotingCommand createTopic(String topic) throws Exception {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader();
        header.setTopic(topic);
        header.setDefaultTopic("TBW102");
        header.setReadQueueNums(4);
        header.setWriteQueueNums(4);
        header.setPerm(6);
        header.setTopicFilterType("SINGLE_TAG");
        header.setTopicSysFlag(0);
        header.setOrder(false);
        return raw.invoke(cluster.brokerAddr(), RawRemoting.request(RequestCode.UPDATE_AND_CREATE_TOPIC, header));
    }

    private RemotingCommand queryConsumerOffset() throws Exception {
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setConsumerGroup(GROUP);
        header.setTopic(WRITE_ONLY_TOPIC);
        header.setQueueId(0);
        return raw.invoke(cluster.brokerAddr(), RawRemoting.request(RequestCode.QUERY_CONSUMER_OFFSET, header));
    }

    private RemotingCommand queryMessage() throws Exception {
        QueryMessageRequestHeader header = new QueryMessageRequestHeader();
        header.setTopic(WRITE_ONLY_TOPIC);
        header.setKey("no-such-key");
        header.setMaxNum(32);
        header.setBeginTimestamp(0L);
        header.setEndTimestamp(Long.MAX_VALUE);
        return raw.invoke(cluster.brokerAddr(), RawRemoting.request(RequestCode.QUERY_MESSAGE, header));
    }

    private RemotingCommand topicStats() throws Exception {
        GetTopicStatsInfoRequestHeader header = new GetTopicStatsInfoRequestHeader();
        header.setTopic(MISSING_TOPIC);
        return raw.invoke(cluster.brokerAddr(), RawRemoting.request(RequestCode.GET_TOPIC_STATS_INFO, header));
    }

    private RemotingCommand consumerConnections() throws Exception {
        GetConsumerConnectionListRequestHeader header = new GetConsumerConnectionListRequestHeader();
        header.setConsumerGroup(MISSING_GROUP);
        return raw.invoke(cluster.brokerAddr(),
            RawRemoting.request(RequestCode.GET_CONSUMER_CONNECTION_LIST, header));
    }

    private RemotingCommand producerConnections() throws Exception {
        GetProducerConnectionListRequestHeader header = new GetProducerConnectionListRequestHeader();
        header.setProducerGroup("fidelity_missing_pg");
        return raw.invoke(cluster.brokerAddr(),
            RawRemoting.request(RequestCode.GET_PRODUCER_CONNECTION_LIST, header));
    }

    private RemotingCommand missingKvConfig() throws Exception {
        GetKVConfigRequestHeader header = new GetKVConfigRequestHeader();
        header.setNamespace("FIDELITY_NS");
        header.setKey("missing");
        return raw.invoke(cluster.namesrvAddr(), RawRemoting.request(RequestCode.GET_KV_CONFIG, header));
    }

    private void put(String name, RemotingCommand answer) {
        answers.put(name, answer.getCode() + " | " + normalise(answer.getRemark()));
    }

    private String normalise(String remark) {
        if (remark == null) {
            return "null";
        }
        return remark.replaceAll("127\\.0\\.0\\.1:\\d+", "ADDR")
            .replace(cluster.brokerName(), "BROKER");
    }
}
