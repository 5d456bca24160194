package org.cometmq.test.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetResponseHeader;
import org.apache.rocketmq.common.protocol.route.BrokerData;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.cometmq.test.fidelity.RawRemoting;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broker group of a master and a SLAVE (subclasses choose Apache 4.9.7 or CometMQ for each), observed with
 * Apache's admin and raw requests: the slave registers as brokerId 1 of the master's broker name, refuses sends and
 * topic changes with 4.9.7's codes and remarks, and copies the master's topics, subscription groups and consumer
 * offsets within two of 4.9.7's 10 s synchronisation periods. Replication of the commit log is not asserted here.
 */
abstract class SlaveRoleScenario extends HaScenarioBase {
    private static final String TOPIC = "HaTopic";
    private static final String GROUP = "HaGroup";
    private static final long TIMEOUT_MILLIS = 10_000;
    private static final String REFUSED_SEND_PREFIX = "service not available now. It may be caused by one of the "
        + "following reasons: the broker's disk is full [CL: ";
    private static final String REFUSED_SEND_SUFFIX = "], messages are put to the slave, message store has been "
        + "shut down, etc.";

    private NettyRemotingClient raw;

    @BeforeAll
    void prepare() throws Exception {
        raw = new NettyRemotingClient(new NettyClientConfig());
        raw.start();
        // Each step is idempotent and retried: on a loaded machine the admin's 3 s timeout can pass first.
        retried("create " + TOPIC, () -> admin.createAndUpdateTopicConfig(cluster.masterAddr(),
            new TopicConfig(TOPIC, 4, 4, 6)));
        SubscriptionGroupConfig group = new SubscriptionGroupConfig();
        group.setGroupName(GROUP);
        group.setWhichBrokerWhenConsumeSlowly(1);
        retried("create " + GROUP, () -> admin.createAndUpdateSubscriptionGroupConfig(cluster.masterAddr(), group));
        for (int i = 0; i < 3; i++) {
            RemotingCommand sent = raw.invokeSync(cluster.masterAddr(), RawRemoting.sendRequest(TOPIC, "TBW102", 0,
                ("m" + i).getBytes(StandardCharsets.UTF_8)), TIMEOUT_MILLIS);
            assertEquals(ResponseCode.SUCCESS, sent.getCode(), sent.getRemark());
        }
        retried("commit an offset", () -> admin.updateConsumeOffset(cluster.masterAddr(), GROUP,
            new MessageQueue(TOPIC, cluster.brokerName(), 0), 3));
    }

    private interface AdminStep {
        void run() throws Exception;
    }

    private static void retried(String what, AdminStep step) {
        Await.untilTrue(what, Duration.ofSeconds(30), () -> {
            step.run();
            return true;
        });
    }

    @AfterAll
    void stopRawClient() {
        if (raw != null) {
            raw.shutdown();
        }
    }

    @Test
    void theSlaveRegistersAsBrokerIdOneOfTheMastersBrokerName() throws Exception {
        Map<Long, String> expected = new HashMap<>();
        expected.put(0L, cluster.masterAddr());
        expected.put(1L, cluster.slaveAddr());
        ClusterInfo info = admin.examineBrokerClusterInfo();
        BrokerData group = info.getBrokerAddrTable().get(cluster.brokerName());
        assertNotNull(group, "clusterList lists " + cluster.brokerName());
        assertEquals(expected, new HashMap<>(group.getBrokerAddrs()));
        assertTrue(info.getClusterAddrTable().get(HaCluster.CLUSTER_NAME).contains(cluster.brokerName()));
        TopicRouteData route = admin.examineTopicRouteInfo(TOPIC);
        assertEquals(expected, new HashMap<>(route.getBrokerDatas().get(0).getBrokerAddrs()));
    }

    @Test
    void theSlaveRefusesSendsWithApachesCodeAndRemark() throws Exception {
        RemotingCommand response = raw.invokeSync(cluster.slaveAddr(), RawRemoting.sendRequest(TOPIC, "TBW102", 0,
            "to the slave".getBytes(StandardCharsets.UTF_8)), TIMEOUT_MILLIS);
        assertEquals(ResponseCode.SERVICE_NOT_AVAILABLE, response.getCode(), response.getRemark());
        assertTrue(response.getRemark().startsWith(REFUSED_SEND_PREFIX), response.getRemark());
        assertTrue(response.getRemark().endsWith(REFUSED_SEND_SUFFIX), response.getRemark());
    }

    @Test
    void theSlaveRefusesTopicChanges() {
        MQClientException refused = assertThrows(MQClientException.class,
            () -> admin.createAndUpdateTopicConfig(cluster.slaveAddr(), new TopicConfig("OnSlave", 4, 4, 6)));
        assertEquals(ResponseCode.SYSTEM_ERROR, refused.getResponseCode());
        assertEquals("Can't modify topic or subscription group from slave broker, please execute it from master "
            + "broker.", refused.getErrorMessage());
    }

    @Test
    void theSlaveCopiesTheMastersTopicsGroupsAndOffsets() {
        Await.untilTrue("the slave copied " + TOPIC, SYNC_BOUND, () -> admin.getAllTopicConfig(cluster.slaveAddr(),
            TIMEOUT_MILLIS).getTopicConfigTable().containsKey(TOPIC));
        Await.untilTrue("the slave copied " + GROUP, SYNC_BOUND, () -> admin.getAllSubscriptionGroup(
            cluster.slaveAddr(), TIMEOUT_MILLIS).getSubscriptionGroupTable().containsKey(GROUP));
        Await.untilTrue("the slave copied the offset of " + GROUP, SYNC_BOUND, () -> slaveOffset(0) == 3L);
        TopicConfig copied = Await.until("topic config", SYNC_BOUND, () -> admin.getAllTopicConfig(
            cluster.slaveAddr(), TIMEOUT_MILLIS).getTopicConfigTable().get(TOPIC), c -> c != null);
        assertEquals(4, copied.getWriteQueueNums());
        assertEquals(6, copied.getPerm());
    }

    @Test
    void theSlaveAnswersRuntimeInfo() throws Exception {
        Map<String, String> table = admin.fetchBrokerRuntimeStats(cluster.slaveAddr()).getTable();
        assertNotNull(table.get("msgPutTotalTodayNow"), table.toString());
        assertNotNull(table.get("commitLogMaxOffset"), table.toString());
    }

    private long slaveOffset(int queueId) throws Exception {
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setConsumerGroup(GROUP);
        header.setTopic(TOPIC);
        header.setQueueId(queueId);
        RemotingCommand response = raw.invokeSync(cluster.slaveAddr(),
            RemotingCommand.createRequestCommand(RequestCode.QUERY_CONSUMER_OFFSET, header), TIMEOUT_MILLIS);
        if (response.getCode() != ResponseCode.SUCCESS) {
            return -1;
        }
        return ((QueryConsumerOffsetResponseHeader) response.decodeCommandCustomHeader(
            QueryConsumerOffsetResponseHeader.class)).getOffset();
    }
}
