package org.cometmq.broker.transaction;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.store.PutMessageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One check round over the half queue (spec 9.9). From the saved progress it walks the half messages that were
 * in the queue when the round began and decides for each: ended by an op record (pass), checked
 * {@code transactionCheckMax} times (move to {@link TransactionTopics#CHECK_MAX_TIME_TOPIC}), older than the
 * store keeps files (pass), younger than its immunity (stop: later messages are younger still), or due: re-put
 * at the tail with TRANSACTION_CHECK_TIMES + 1 and ask a producer of its group about the re-put copy. The round
 * then saves how far it got in the half and op queues.
 *
 * <p>A message whose CHECK_IMMUNITY_TIME_IN_SECONDS is longer than the others' timeout holds back the messages
 * behind it until it is due; unlike RocketMQ 4.9 it is not moved to the tail, so an END_TRANSACTION for its
 * original offset always finds it.
 */
public class TransactionalMessageChecker {
    private static final Logger log = LoggerFactory.getLogger(TransactionalMessageChecker.class);
    static final int BATCH_SIZE = 32;
    /** Bounds one round's work so a backlog is worked off over several rounds instead of one endless one. */
    static final int MAX_MESSAGES_PER_ROUND = 10_000;
    static final int MAX_OPS_PER_ROUND = 20_000;

    private final TransactionalMessageBridge bridge;
    private final TransactionCheckBackSender sender;
    private final BrokerConfig config;
    private final long maxAgeMillis;
    private final Clock clock;

    /** @param maxAgeMillis half messages born longer ago are passed over (the store's file retention time) */
    public TransactionalMessageChecker(TransactionalMessageBridge bridge, TransactionCheckBackSender sender,
                                       BrokerConfig config, long maxAgeMillis, Clock clock) {
        this.bridge = bridge;
        this.sender = sender;
        this.config = config;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
    }

    /** What a round did, for logs and tests. */
    public record CheckRound(int checked, int discarded, int ended, int expired, long halfOffset, long opOffset) {
    }

    /** What to do with one half message. */
    enum Decision { ENDED, DISCARD, EXPIRED, WAIT, CHECK }

    /** Runs one round over the half messages present now. */
    public CheckRound check() {
        long halfStart = bridge.halfProgress();
        long halfEnd = bridge.halfMaxOffset();
        long opStart = bridge.opProgress();
        OpRecords ops = OpRecords.load(bridge, opStart, bridge.opMaxOffset(), MAX_OPS_PER_ROUND, BATCH_SIZE);
        Round round = new Round(halfStart);
        long offset = halfStart;
        while (offset < halfEnd && round.visited < MAX_MESSAGES_PER_ROUND && !round.stopped) {
            TransactionalMessageBridge.QueueBatch batch = bridge.readHalf(offset,
                (int) Math.min(BATCH_SIZE, halfEnd - offset));
            if (batch.messages().isEmpty()) {
                if (batch.nextOffset() <= offset) {
                    break;
                }
                offset = batch.nextOffset();
                round.next = offset;
                continue;
            }
            for (MessageExt half : batch.messages()) {
                long queueOffset = half.getQueueOffset();
                if (queueOffset >= halfEnd || !handle(half, ops, round)) {
                    round.stopped = true;
                    break;
                }
                round.next = queueOffset + 1;
                round.visited++;
            }
            offset = round.next;
        }
        long opNext = ops.progressAfter(round.next);
        bridge.saveProgress(round.next, opNext);
        CheckRound result = new CheckRound(round.checked, round.discarded, round.ended, round.expired, round.next,
            opNext);
        if (result.checked() + result.discarded() + result.ended() + result.expired() > 0) {
            log.info("transaction check round: {}", result);
        }
        return result;
    }

    /** Acts on one half message; false when the round must stop before it. */
    private boolean handle(MessageExt half, OpRecords ops, Round round) {
        Decision decision = decide(half, ops.ended(half.getQueueOffset()), ops.complete(), clock.millis());
        switch (decision) {
            case ENDED:
                round.ended++;
                return true;
            case EXPIRED:
                round.expired++;
                log.warn("half message {} of group {} is older than the store keeps files; it is no longer checked",
                    half.getMsgId(), half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP));
                return true;
            case DISCARD:
                return discard(half, round);
            case CHECK:
                return putBackAndCheck(half, round);
            default:
                return false;
        }
    }

    /** The decision for {@code half} at {@code now}, given whether an op record ends it. */
    Decision decide(MessageExt half, boolean ended, boolean opsComplete, long now) {
        if (ended) {
            return Decision.ENDED;
        }
        if (HalfMessages.checkTimes(half) >= config.getTransactionCheckMax()) {
            return Decision.DISCARD;
        }
        long age = now - half.getBornTimestamp();
        if (age > maxAgeMillis) {
            return Decision.EXPIRED;
        }
        // a born time in the future (clock skew) would never come due: check it now
        if (age >= 0 && age < immunityMillis(half)) {
            return Decision.WAIT;
        }
        // with op records left unread this round, one of them may end this message
        return opsComplete ? Decision.CHECK : Decision.WAIT;
    }

    private long immunityMillis(MessageExt half) {
        String seconds = half.getProperty(MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS);
        if (seconds != null) {
            try {
                return TimeUnit.SECONDS.toMillis(Long.parseLong(seconds.trim()));
            } catch (NumberFormatException e) {
                // not a number: the broker's timeout applies
            }
        }
        return config.getTransactionTimeOut();
    }

    private boolean discard(MessageExt half, Round round) {
        PutMessageResult result = bridge.putMessage(HalfMessages.toDiscarded(half));
        if (result == null || !result.isOk()) {
            log.warn("moving half message {} to {} failed ({}); retrying next round", half.getMsgId(),
                TransactionTopics.CHECK_MAX_TIME_TOPIC, result == null ? null : result.getPutMessageStatus());
            return false;
        }
        round.discarded++;
        log.warn("half message {} of group {} (topic {}) was checked {} times without an answer: discarded to {}",
            half.getMsgId(), half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP),
            half.getProperty(MessageConst.PROPERTY_REAL_TOPIC), HalfMessages.checkTimes(half),
            TransactionTopics.CHECK_MAX_TIME_TOPIC);
        return true;
    }

    /** Re-puts {@code half} with one more check counted, then asks a producer about that copy. */
    private boolean putBackAndCheck(MessageExt half, Round round) {
        int checkTimes = HalfMessages.checkTimes(half) + 1;
        PutMessageResult result = bridge.putMessage(HalfMessages.toPutBack(half, checkTimes));
        if (result == null || !result.isOk()) {
            log.warn("re-putting half message {} for its check failed ({}); retrying next round", half.getMsgId(),
                result == null ? null : result.getPutMessageStatus());
            return false;
        }
        MessageAccessor.putProperty(half, MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, String.valueOf(checkTimes));
        half.setQueueOffset(result.getAppendMessageResult().getLogicsOffset());
        half.setCommitLogOffset(result.getAppendMessageResult().getWroteOffset());
        half.setMsgId(result.getAppendMessageResult().getMsgId());
        round.checked++;
        sender.sendCheckMessage(half);
        return true;
    }

    /** Counters and position of the round in progress. */
    private static final class Round {
        long next;
        int visited;
        boolean stopped;
        int checked;
        int discarded;
        int ended;
        int expired;

        Round(long start) {
            this.next = start;
        }
    }
}
