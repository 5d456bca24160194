package org.cometmq.broker.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cometmq.broker.metrics.BrokerMetricsConstant;
import org.cometmq.common.MQVersion;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.cometmq.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.cometmq.common.sysflag.PullSysFlag;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageStore;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker in this JVM with {@code metricsExporterType=PROM}: after a known workload (5 messages in, 3 pulled,
 * offset 2 committed, one message to the DLQ) every metric has the value the workload implies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerMetricsTest {
    private static final String TOPIC = "MetricsTopic";
    private static final String GROUP = "metrics_group";
    private static final int SENT = 5;
    private static final int PULLED = 3;
    private static final long COMMITTED = 2;

    @TempDir
    static Path dir;
    private InProcessBroker broker;
    private List<MessageExt> pulled;

    @BeforeAll
    void startAndRunWorkload() throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("metricsExporterType", "PROM");
        overrides.setProperty("metricsPromExporterPort", "0");
        broker = new InProcessBroker(dir, overrides);
        for (int i = 0; i < SENT; i++) {
            RemotingCommand sent = broker.send(TOPIC, 0, "body-" + i, props());
            assertEquals(ResponseCode.SUCCESS, sent.getCode(), sent.getRemark());
        }
        MessageStore store = broker.controller.getMessageStore();
        Await.holdsWithin(Duration.ofSeconds(10), Duration.ofMillis(10),
            () -> store.getMaxOffsetInQueue(TOPIC, 0) >= SENT);
        var header = InProcessBroker.pullHeader(GROUP, TOPIC, 0, 0, PullSysFlag.buildSysFlag(false, false, true,
            false), 0, "*");
        header.setMaxMsgNums(PULLED);
        RemotingCommand response = broker.pull(header);
        assertEquals(ResponseCode.SUCCESS, response.getCode(), response.getRemark());
        pulled = InProcessBroker.decode(response);
        assertEquals(PULLED, pulled.size());
        commit(COMMITTED);
        assertEquals(ResponseCode.SUCCESS, sendBackToDlq(pulled.get(0)).getCode());
    }

    @AfterAll
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static Map<String, String> props() {
        Map<String, String> props = new HashMap<>();
        props.put(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, "true");
        return props;
    }

    private void commit(long offset) throws Exception {
        UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader();
        header.setConsumerGroup(GROUP);
        header.setTopic(TOPIC);
        header.setQueueId(0);
        header.setCommitOffset(offset);
        assertEquals(ResponseCode.SUCCESS, broker.call(RequestCode.UPDATE_CONSUMER_OFFSET, header, null).getCode());
    }

    /** maxReconsumeTimes 0: the first send-back goes to %DLQ%group. */
    private RemotingCommand sendBackToDlq(MessageExt message) throws Exception {
        ConsumerSendMsgBackRequestHeader header = new ConsumerSendMsgBackRequestHeader();
        header.setOffset(message.getCommitLogOffset());
        header.setGroup(GROUP);
        header.setDelayLevel(0);
        header.setMaxReconsumeTimes(0);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.CONSUMER_SEND_MSG_BACK, header);
        request.setVersion(MQVersion.CURRENT_VERSION);
        return broker.client.invokeSync(broker.addr, request, 10_000);
    }

    private MetricValues scrape() {
        return new MetricValues(broker.controller.getMetricsManager().registry());
    }

    @Test
    void inAndOutCountEveryMessageAndByte() {
        MetricValues metrics = scrape();
        long storedBytes = broker.controller.getStatsManager().getStatsItem("TOPIC_PUT_SIZE", TOPIC).getValue();
        long pulledBytes = pulled.stream().mapToLong(MessageExt::getStoreSize).sum();
        String[] in = {"topic", TOPIC, "message_type", "normal", "is_system", "false", "cluster", "DefaultCluster",
            "node_type", "broker", "node_id", "broker-it"};
        assertEquals(SENT, metrics.value("rocketmq_messages_in_total", in));
        assertEquals(storedBytes, metrics.value("rocketmq_throughput_in_total", in));
        assertEquals(SENT, metrics.count("rocketmq_message_size", in));
        assertEquals(storedBytes, metrics.sum("rocketmq_message_size", in), 0.001);
        String[] out = {"topic", TOPIC, "consumer_group", GROUP};
        assertEquals(PULLED, metrics.value("rocketmq_messages_out_total", out));
        assertEquals(pulledBytes, metrics.value("rocketmq_throughput_out_total", out));
        assertEquals(1, metrics.value("rocketmq_send_to_dlq_messages_total", out));
    }

    @Test
    void lagIsMaxOffsetMinusCommittedOffset() {
        MessageStore store = broker.controller.getMessageStore();
        long oldestUnconsumed = store.getMessageStoreTimeStamp(TOPIC, 0, COMMITTED);
        long oldestUnpulled = store.getMessageStoreTimeStamp(TOPIC, 0, PULLED);
        long before = System.currentTimeMillis();
        MetricValues metrics = scrape();
        long after = System.currentTimeMillis();
        String[] labels = {"topic", TOPIC, "consumer_group", GROUP, "is_retry", "false", "is_system", "false"};
        assertEquals(SENT - COMMITTED, metrics.value("rocketmq_consumer_lag_messages", labels));
        assertEquals(PULLED - COMMITTED, metrics.value("rocketmq_consumer_inflight_messages", labels));
        assertEquals(SENT - PULLED, metrics.value("rocketmq_consumer_ready_messages", labels));
        double lagLatency = metrics.value("rocketmq_consumer_lag_latency", labels);
        assertTrue(lagLatency >= before - oldestUnconsumed && lagLatency <= after - oldestUnconsumed,
            "lag latency " + lagLatency + " is the age of the message at the committed offset");
        double queueing = metrics.value("rocketmq_consumer_queueing_latency", labels);
        assertTrue(queueing >= before - oldestUnpulled && queueing <= after - oldestUnpulled,
            "queueing latency " + queueing + " is the age of the first message not pulled");
    }

    @Test
    void brokerStateAndStoreGauges() {
        MetricValues metrics = scrape();
        assertEquals(6, metrics.value("rocketmq_broker_permission"));
        assertEquals(broker.controller.getTopicConfigManager().getTopicConfigTable().size(),
            metrics.value("rocketmq_topic_number"));
        assertEquals(broker.controller.getSubscriptionGroupManager().getSubscriptionGroupTable().size(),
            metrics.value("rocketmq_consumer_group_number"));
        assertEquals(0, metrics.value("rocketmq_processor_watermark", "processor", "send"));
        assertEquals(4 * 1024 * 1024, metrics.value(BrokerMetricsConstant.GAUGE_STORAGE_COMMITLOG_SIZE));
        assertTrue(metrics.value(BrokerMetricsConstant.GAUGE_STORAGE_CONSUMEQUEUE_SIZE) > 0);
        assertTrue(metrics.value("rocketmq_storage_size", "storage_type", "local") > 4 * 1024 * 1024);
        assertTrue(metrics.count(BrokerMetricsConstant.HISTOGRAM_STORAGE_PUT_LATENCY) >= SENT + 1);
        assertEquals(broker.controller.getMessageStore().getStoreStatsService().getFlushLatency().count(),
            metrics.count(BrokerMetricsConstant.HISTOGRAM_STORAGE_FLUSH_LATENCY));
        assertEquals(SENT, metrics.count("rocketmq_rpc_latency", "request_code", "send_message_v2",
            "response_code", "success", "protocol_type", "remoting"));
        assertEquals(1, metrics.count("rocketmq_rpc_latency", "request_code", "consumer_send_msg_back"));
    }

    @Test
    void thePageIsServedOverHttpWithTheJvmMetrics() throws Exception {
        int port = broker.controller.getMetricsManager().port();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("rocketmq_messages_in_total{cluster=\"DefaultCluster\""), page.body());
        assertTrue(page.body().contains("jvm_memory_used_bytes{"), "JVM metrics");
        assertNull(page.headers().firstValue("Content-Encoding").orElse(null));
    }
}
