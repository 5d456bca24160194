package org.cometmq.test.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.cometmq.test.fidelity.RawRemoting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A SYNC_MASTER with SYNC_FLUSH and its slave (slaveReadEnable): every message the Apache 4.9.7 producer got
 * SEND_OK for is on the slave when the master is killed with SIGKILL, and an Apache push consumer of a new group
 * that consumed nothing before receives all of them from the slave. Counts: 20,000 messages with -Dha.long=true
 * (the figure), 3,000 otherwise so that the class stays within CI's per-class budget on 2 shared cores.
 */
abstract class SyncMasterKillScenario extends HaScenarioBase {
    private static final String TOPIC = "HaKillTopic";
    private static final int MESSAGES = ReplicationLoad.messageCount(20_000, 3_000);
    private static final Duration SEND_BOUND = Duration.ofSeconds(MESSAGES / 20 + 30);
    private static final Duration CONSUME_BOUND = Duration.ofSeconds(MESSAGES / 100 + 60);

    static Map<String, String> syncMasterSettings() {
        return Map.of("brokerRole", "SYNC_MASTER", "flushDiskType", "SYNC_FLUSH");
    }

    @BeforeAll
    void prepare() throws Exception {
        createTopicOnMaster(TOPIC, 4);
        awaitSlaveReplicating();
    }

    @Test
    void everyAcknowledgedMessageIsConsumedFromTheSlaveAfterTheMasterIsKilled() throws Exception {
        ReplicationLoad.Sent sent = ReplicationLoad.sendWithNewProducer(cluster.namesrv().address(), "HaKillProducer",
            TOPIC, "kill", MESSAGES, SEND_BOUND);
        assertEquals(0, sent.notOk().size(), "every send to the SYNC_MASTER answered SEND_OK: " + sent.notOkSummary());
        assertEquals(MESSAGES, sent.acknowledged().size());
        ReplicationLoad.awaitSlaveHasTopic(admin, cluster, TOPIC, SYNC_BOUND);
        long killedAt = ReplicationLoad.commitLogMaxOffset(admin, cluster.masterAddr());
        cluster.master().process().kill9();

        ReplicationLoad.Consumed consumed = ReplicationLoad.consumeAll(cluster.namesrv().address(), "HaKillFreshGroup",
            TOPIC, sent.acknowledged(), CONSUME_BOUND);
        System.out.printf("[%s] %d SEND_OK in %d ms (%d resent after flow control); master killed at commit-log "
                + "offset %d; consumed %d unique (%d deliveries) from the slave in %d ms; lost %d%n",
            getClass().getSimpleName(), sent.acknowledged().size(), sent.millis(), sent.flowControlled(), killedAt,
            consumed.received().size(), consumed.deliveries(), consumed.millis(), consumed.lost().size());
        assertEquals(Set.of(), consumed.lost(), "acknowledged messages missing on the slave");
        assertTrue(sent.acknowledged().containsAll(consumed.received().keySet()), "only sent messages are consumed");
    }

    @Test
    void theSlaveRefusesSendsWithServiceNotAvailable() throws Exception {
        NettyRemotingClient raw = new NettyRemotingClient(new NettyClientConfig());
        raw.start();
        try {
            RemotingCommand response = raw.invokeSync(cluster.slaveAddr(), RawRemoting.sendRequest(TOPIC, "TBW102", 0,
                "to the slave".getBytes(StandardCharsets.UTF_8)), 10_000);
            assertEquals(ResponseCode.SERVICE_NOT_AVAILABLE, response.getCode(), response.getRemark());
        } finally {
            raw.shutdown();
        }
    }
}
