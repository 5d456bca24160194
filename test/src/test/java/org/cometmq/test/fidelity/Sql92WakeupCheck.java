package org.cometmq.test.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.cometmq.testkit.Await;

/**
 * An SQL92 push consumer's held pull is woken only by messages its filter takes: while messages it refuses
 * arrive, it sends (almost) no pulls; a message it takes arrives within a second. Once the consumer has left, its
 * filter is in the broker's {@code config/consumerFilter.json}, marked dead, in 4.9.7's form.
 */
final class Sql92WakeupCheck {
    private static final int REFUSED = 10;

    private final StoreFidelityFixture fixture;
    private final AtomicInteger pulls = new AtomicInteger();
    private final Collection<String> received = new ConcurrentLinkedQueue<>();

    Sql92WakeupCheck(StoreFidelityFixture fixture) {
        this.fixture = fixture;
    }

    void run() throws Exception {
        String topic = fixture.createTopic("FidSqlWake", 1);
        String group = StoreFidelityFixture.unique("fid_sql");
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, countingHook(),
            new AllocateMessageQueueAveragely());
        consumer.setNamesrvAddr(fixture.cluster().namesrvAddr());
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName(StoreFidelityFixture.unique("fid_sql"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, MessageSelector.bySql("a = 1"));
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            msgs.forEach(m -> received.add(new String(m.getBody())));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            send(topic, "1", "first");
            Await.untilTrue("the first match", StoreFidelityFixture.TIMEOUT, () -> received.contains("first"));
            Thread.sleep(1_000);
            int before = pulls.get();
            for (int i = 0; i < REFUSED; i++) {
                send(topic, "2", "refused-" + i);
                Thread.sleep(100);
            }
            Thread.sleep(300);
            int during = pulls.get() - before;
            assertTrue(during <= 2, during + " pulls while " + REFUSED + " refused messages arrived");
            long sent = System.currentTimeMillis();
            send(topic, "1", "second");
            Await.untilTrue("the second match", StoreFidelityFixture.TIMEOUT, () -> received.contains("second"));
            assertTrue(System.currentTimeMillis() - sent < 2_000, "a matching message wakes the held pull");
            assertTrue(received.stream().noneMatch(b -> b.startsWith("refused")), received.toString());
        } finally {
            consumer.shutdown();
        }
        checkPersistedFilter(topic, group);
    }

    /** The group's filter in {@code config/consumerFilter.json}, written within the persist interval. */
    private void checkPersistedFilter(String topic, String group) throws Exception {
        Path file = Path.of(fixture.admin().getBrokerConfig(fixture.cluster().brokerAddr())
            .getProperty("storePathRootDir"), "config", "consumerFilter.json");
        JSONObject entry = Await.until("the dead filter of " + group + " in " + file, StoreFidelityFixture.TIMEOUT,
            () -> filterEntry(file, topic, group), e -> e != null && e.getBooleanValue("dead"));
        assertEquals(Set.of("bloomFilterData", "bornTime", "clientVersion", "consumerGroup", "dead", "deadTime",
            "expression", "expressionType", "topic"), entry.keySet());
        assertEquals(List.of(group, topic, "a = 1", "SQL92"), List.of(entry.getString("consumerGroup"),
            entry.getString("topic"), entry.getString("expression"), entry.getString("expressionType")));
        JSONObject bloom = entry.getJSONObject("bloomFilterData");
        assertEquals(112, bloom.getIntValue("bitNum"));
        assertEquals(3, bloom.getJSONArray("bitPos").size());
    }

    private static JSONObject filterEntry(Path file, String topic, String group) throws Exception {
        if (!Files.exists(file)) {
            return null;
        }
        JSONObject byTopic = JSON.parseObject(Files.readString(file)).getJSONObject("filterDataByTopic")
            .getJSONObject(topic);
        return byTopic == null ? null : byTopic.getJSONObject("groupFilterData").getJSONObject(group);
    }

    private void send(String topic, String a, String body) throws Exception {
        Message msg = StoreFidelityFixture.message(topic, "TagQ", null, body);
        msg.putUserProperty("a", a);
        fixture.sendToQueue(msg, 0);
    }

    private RPCHook countingHook() {
        return new RPCHook() {
            @Override
            public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
                if (request.getCode() == RequestCode.PULL_MESSAGE) {
                    pulls.incrementAndGet();
                }
            }

            @Override
            public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
            }
        };
    }
}
