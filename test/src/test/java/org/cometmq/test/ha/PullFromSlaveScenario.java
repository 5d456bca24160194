package org.cometmq.test.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pull-from-slave advice with {@code slaveReadEnable=true} and {@code accessMessageInMemoryMaxRatio=0} on both
 * brokers, so that any pull which leaves messages behind counts as "consuming slowly": an Apache 4.9.7 pull consumer
 * reading from offset 0 gets {@code suggestWhichBrokerId} 1 from the master, sends its next pulls to the slave, and
 * once a pull finds nothing new the slave advises 0 and the consumer returns to the master. Each PULL_MESSAGE
 * response is recorded by an RPCHook with the address it came from.
 */
abstract class PullFromSlaveScenario extends HaScenarioBase {
    private static final String TOPIC = "HaPullTopic";
    private static final int MESSAGES = 500;
    private static final int BATCH = 32;
    private static final int MAX_PULLS = 200;

    /** Settings for master and slave: reads from the slave allowed, every pull that leaves messages is slow. */
    static Map<String, String> slowConsumerSettings() {
        return Map.of("slaveReadEnable", "true", "accessMessageInMemoryMaxRatio", "0");
    }

    /** One PULL_MESSAGE response as the consumer's RPCHook saw it. */
    record Pull(String brokerAddr, int code, String suggestWhichBrokerId) {
    }

    @BeforeAll
    void prepare() throws Exception {
        createTopicOnMaster(TOPIC, 1);
        ReplicationLoad.Sent sent = ReplicationLoad.sendWithNewProducer(cluster.namesrv().address(), "HaPullProducer",
            TOPIC, "pull", MESSAGES, Duration.ofSeconds(60));
        assertEquals(0, sent.notOk().size(), sent.notOkSummary());
        ReplicationLoad.awaitSlaveCaughtUp(admin, cluster, SYNC_BOUND);
        ReplicationLoad.awaitSlaveHasTopic(admin, cluster, TOPIC, SYNC_BOUND);
    }

    @Test
    @SuppressWarnings("deprecation")
    void aConsumerThatFellBehindIsSentToTheSlaveAndBackOnceCaughtUp() throws Exception {
        List<Pull> pulls = Collections.synchronizedList(new ArrayList<>());
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer("HaPullGroup", recordingHook(pulls));
        consumer.setNamesrvAddr(cluster.namesrv().address());
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName("ha_pull_" + ProcessHandle.current().pid());
        consumer.start();
        Set<String> bodies = new HashSet<>();
        try {
            MessageQueue queue = new MessageQueue(TOPIC, cluster.brokerName(), 0);
            long offset = 0;
            int notFoundAfterCaughtUp = 0;
            for (int i = 0; i < MAX_PULLS && notFoundAfterCaughtUp < 2; i++) {
                PullResult result = consumer.pull(queue, "*", offset, BATCH);
                if (result.getPullStatus() == PullStatus.FOUND) {
                    result.getMsgFoundList().forEach(m -> bodies.add(body(m)));
                } else if (result.getPullStatus() == PullStatus.NO_NEW_MSG) {
                    notFoundAfterCaughtUp++;
                }
                offset = result.getNextBeginOffset();
            }
        } finally {
            consumer.shutdown();
        }
        List<Pull> seen = List.copyOf(pulls);
        System.out.printf("[%s] %d unique messages in %d pulls; pulls per broker %s; first pulls %s; last pulls %s%n",
            getClass().getSimpleName(), bodies.size(), seen.size(), perBroker(seen),
            seen.subList(0, Math.min(3, seen.size())), seen.subList(Math.max(0, seen.size() - 3), seen.size()));
        assertEquals(MESSAGES, bodies.size(), "every message read");
        assertAdviceFollowed(seen);
    }

    private void assertAdviceFollowed(List<Pull> seen) {
        assertTrue(seen.size() >= 3, "pulls recorded: " + seen);
        assertEquals(new Pull(cluster.masterAddr(), 0, "1"), seen.get(0), "the first pull, at offset 0, is slow");
        assertEquals(cluster.slaveAddr(), seen.get(1).brokerAddr(), "the pull after the advice goes to the slave");
        int backToMaster = -1;
        for (int i = 1; i < seen.size() - 1; i++) {
            Pull pull = seen.get(i);
            assertEquals(cluster.slaveAddr(), pull.brokerAddr(), "pull " + i + " follows the slave's advice " + seen);
            if ("0".equals(pull.suggestWhichBrokerId())) {
                backToMaster = i + 1;
                break;
            }
        }
        assertTrue(backToMaster > 0, "the slave advised the master once the consumer caught up: " + seen);
        assertEquals(cluster.masterAddr(), seen.get(backToMaster).brokerAddr(), "then the consumer returned");
    }

    private static Map<String, Integer> perBroker(List<Pull> seen) {
        Map<String, Integer> counts = new TreeMap<>();
        seen.forEach(p -> counts.merge(p.brokerAddr(), 1, Integer::sum));
        return counts;
    }

    private static String body(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    private static RPCHook recordingHook(List<Pull> into) {
        return new RPCHook() {
            @Override
            public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
                // only responses are recorded
            }

            @Override
            public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
                if (request.getCode() == RequestCode.PULL_MESSAGE && response != null) {
                    Map<String, String> fields = response.getExtFields();
                    into.add(new Pull(remoteAddr, response.getCode(),
                        fields == null ? null : fields.get("suggestWhichBrokerId")));
                }
            }
        };
    }
}
