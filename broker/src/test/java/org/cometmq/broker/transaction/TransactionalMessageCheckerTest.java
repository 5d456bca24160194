package org.cometmq.broker.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.broker.transaction.TransactionalMessageChecker.CheckRound;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.PutMessageResult;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check-round decisions against a real store in a temp dir, with a hand-moved clock and a recording sender. */
class TransactionalMessageCheckerTest {
    private static final long TIMEOUT = 6_000;
    private static final String HALF = TransactionTopics.HALF_TOPIC;
    private static final String OP = TransactionTopics.OP_TOPIC;

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final List<MessageExt> checks = new ArrayList<>();
    private boolean producerConnected = true;
    private TempStore store;
    private BrokerConfig config;
    private ConsumerOffsetManager offsets;
    private TransactionalMessageBridge bridge;
    private TransactionalMessageChecker checker;
    private long halfWritten;

    @BeforeEach
    void setUp() throws Exception {
        store = TempStore.open(dir.resolve("store"));
        config = new BrokerConfig();
        config.setTransactionTimeOut(TIMEOUT);
        config.setTransactionCheckMax(3);
        offsets = new ConsumerOffsetManager(dir.resolve("consumerOffset.json").toString());
        bridge = newBridge(offsets);
        checker = newChecker(bridge);
    }

    private TransactionalMessageBridge newBridge(ConsumerOffsetManager offsetManager) {
        TopicConfigManager topics = new TopicConfigManager(config, dir.resolve("topics.json").toString());
        return new TransactionalMessageBridge(store.store, topics, offsetManager, () -> TempStore.STORE_HOST, clock);
    }

    private TransactionalMessageChecker newChecker(TransactionalMessageBridge b) {
        TransactionCheckBackSender recorder = half -> {
            checks.add(half);
            return producerConnected;
        };
        return new TransactionalMessageChecker(b, recorder, config, TimeUnit.HOURS.toMillis(72), clock);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    /** Sends a prepared message through the bridge as the send processor does; returns the put result. */
    private PutMessageResult prepare(String body, Map<String, String> extra) throws Exception {
        Map<String, String> properties = new HashMap<>(extra);
        properties.put(MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        properties.put(MessageConst.PROPERTY_PRODUCER_GROUP, "pg");
        properties.put(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "uniq-" + body);
        MessageExtBrokerInner msg = TempStore.message("TopicA", 2, body, clock.millis(), properties);
        msg.setSysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        PutMessageResult result = bridge.asyncPrepareMessage(msg).get(10, TimeUnit.SECONDS);
        assertEquals(true, result.isOk(), result.toString());
        halfWritten++;
        store.awaitMaxOffset(HALF, 0, halfWritten);
        return result;
    }

    /** Runs a round, then waits until the copies it re-put are visible to the next one. */
    private CheckRound round() throws Exception {
        CheckRound round = checker.check();
        halfWritten += round.checked();
        store.awaitMaxOffset(HALF, 0, halfWritten);
        store.awaitDispatched();
        return round;
    }

    private static String uniq(MessageExt msg) {
        return msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    }

    @Test
    void halfMessageIsCheckedOnceOlderThanTheTimeoutThroughARePutCopy() throws Exception {
        PutMessageResult sent = prepare("m0", Map.of());
        assertEquals(0, sent.getAppendMessageResult().getLogicsOffset());
        clock.advance(TIMEOUT - 1);
        assertEquals(new CheckRound(0, 0, 0, 0, 0, 0), round());
        assertEquals(List.of(), checks);

        clock.advance(2);
        assertEquals(new CheckRound(1, 0, 0, 0, 1, 0), round());
        assertEquals(1, checks.size());
        MessageExt check = checks.get(0);
        assertEquals("uniq-m0", uniq(check));
        assertEquals(1, check.getQueueOffset());
        assertEquals(1, HalfMessages.checkTimes(check));
        List<MessageExt> halfQueue = store.readQueue(HALF, 0);
        assertEquals(2, halfQueue.size());
        assertEquals(check.getCommitLogOffset(), halfQueue.get(1).getCommitLogOffset());
        assertEquals("1", halfQueue.get(1).getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES));
        assertEquals(halfQueue.get(0).getBornTimestamp(), halfQueue.get(1).getBornTimestamp());
        assertEquals(1, offsets.queryOffset(TransactionTopics.CHECK_PROGRESS_GROUP, HALF, 0));
    }

    @Test
    void opRecordSuppressesTheCheckAndIsPassedOnceItsHalfMessageIs() throws Exception {
        prepare("ended", Map.of());
        prepare("open", Map.of());
        MessageExt ended = store.readQueue(HALF, 0).get(0);
        assertEquals(true, bridge.putOpMessage(ended));
        store.awaitMaxOffset(OP, 0, 1);
        clock.advance(TIMEOUT + 1);

        assertEquals(new CheckRound(1, 0, 1, 0, 2, 1), round());
        assertEquals(List.of("uniq-open"), checks.stream().map(TransactionalMessageCheckerTest::uniq).toList());
        assertEquals(1, offsets.queryOffset(TransactionTopics.CHECK_PROGRESS_GROUP, OP, 0));
    }

    @Test
    void opRecordForAHalfMessageNotYetReachedStaysUnread() throws Exception {
        prepare("blocked", Map.of());
        prepare("ended", Map.of());
        bridge.putOpMessage(store.readQueue(HALF, 0).get(1));
        store.awaitMaxOffset(OP, 0, 1);
        // "blocked" is young: the round stops before it, so the op record of "ended" must be read again next round
        assertEquals(new CheckRound(0, 0, 0, 0, 0, 0), round());
        clock.advance(TIMEOUT + 1);
        assertEquals(new CheckRound(1, 0, 1, 0, 2, 1), round());
        assertEquals(List.of("uniq-blocked"), checks.stream().map(TransactionalMessageCheckerTest::uniq).toList());
    }

    @Test
    void messageWithoutAnswerIsDiscardedAfterCheckMaxChecksEvenWithoutProducer() throws Exception {
        producerConnected = false;
        prepare("doomed", Map.of());
        clock.advance(TIMEOUT + 1);
        assertEquals(new CheckRound(1, 0, 0, 0, 1, 0), round());
        assertEquals(new CheckRound(1, 0, 0, 0, 2, 0), round());
        assertEquals(new CheckRound(1, 0, 0, 0, 3, 0), round());
        assertEquals(new CheckRound(0, 1, 0, 0, 4, 0), round());
        assertEquals(new CheckRound(0, 0, 0, 0, 4, 0), round());
        assertEquals(List.of(1, 2, 3), checks.stream().map(HalfMessages::checkTimes).toList());

        store.awaitMaxOffset(TransactionTopics.CHECK_MAX_TIME_TOPIC, 0, 1);
        List<MessageExt> discarded = store.readQueue(TransactionTopics.CHECK_MAX_TIME_TOPIC, 0);
        assertEquals(1, discarded.size());
        assertEquals("doomed", new String(discarded.get(0).getBody(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("3", discarded.get(0).getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES));
        assertEquals("TopicA", discarded.get(0).getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        assertEquals(0, store.store.getMaxOffsetInQueue("TopicA", 2));
    }

    @Test
    void checkImmunityPropertyDelaysTheFirstCheck() throws Exception {
        prepare("immune", Map.of(MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS, "20"));
        clock.advance(TIMEOUT + 1);
        assertEquals(new CheckRound(0, 0, 0, 0, 0, 0), round());
        clock.advance(20_000 - TIMEOUT);
        assertEquals(new CheckRound(1, 0, 0, 0, 1, 0), round());
    }

    @Test
    void progressSurvivesARestartOfTheService() throws Exception {
        prepare("a", Map.of());
        prepare("b", Map.of());
        bridge.putOpMessage(store.readQueue(HALF, 0).get(0));
        store.awaitMaxOffset(OP, 0, 1);
        clock.advance(TIMEOUT + 1);
        assertEquals(new CheckRound(1, 0, 1, 0, 2, 1), round());
        offsets.persist();

        ConsumerOffsetManager reloaded = new ConsumerOffsetManager(dir.resolve("consumerOffset.json").toString());
        assertEquals(true, reloaded.load());
        TransactionalMessageBridge restarted = newBridge(reloaded);
        assertEquals(2, restarted.halfProgress());
        assertEquals(1, restarted.opProgress());
        checker = newChecker(restarted);
        // only the re-put copy of "b" is left to check
        assertEquals(new CheckRound(1, 0, 0, 0, 3, 1), round());
        assertEquals(List.of("uniq-b", "uniq-b"), checks.stream().map(TransactionalMessageCheckerTest::uniq).toList());
    }
}
