package org.cometmq.broker.transaction;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.store.GetMessageResult;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.MessageStore;
import org.cometmq.store.PutMessageResult;

/**
 * Everything the transaction machinery reads from and writes to the store: half messages in, op records in,
 * half and op queues read back in queue order, single messages looked up by commit-log offset, and the check
 * service's progress on both queues (kept as consumer offsets of {@link TransactionTopics#CHECK_PROGRESS_GROUP},
 * so it is persisted with the other offsets and a restart resumes where the last round stopped).
 */
public class TransactionalMessageBridge {
    private static final String PROGRESS_CLIENT = "TransactionalMessageCheckService";
    private static final int SYSTEM_TOPIC_PERM = PermName.PERM_READ | PermName.PERM_WRITE;

    private final MessageStore store;
    private final TopicConfigManager topicConfigManager;
    private final ConsumerOffsetManager offsets;
    private final Supplier<SocketAddress> storeHost;
    private final Clock clock;

    public TransactionalMessageBridge(MessageStore store, TopicConfigManager topicConfigManager,
                                      ConsumerOffsetManager offsets, Supplier<SocketAddress> storeHost, Clock clock) {
        this.store = store;
        this.topicConfigManager = topicConfigManager;
        this.offsets = offsets;
        this.storeHost = storeHost;
        this.clock = clock;
    }

    /** Parks a prepared message as a half message; the result carries the half message's offsets. */
    public CompletableFuture<PutMessageResult> asyncPrepareMessage(MessageExtBrokerInner prepared) {
        ensureTopic(TransactionTopics.HALF_TOPIC);
        return store.asyncPutMessage(HalfMessages.toHalf(prepared));
    }

    /** Stores a message the transaction machinery built (committed, re-put or discarded copy). */
    public PutMessageResult putMessage(MessageExtBrokerInner msg) {
        ensureTopic(msg.getTopic());
        return store.putMessage(msg);
    }

    /** Writes the op record that ends {@code half}; false when the store refused it. */
    public boolean putOpMessage(MessageExt half) {
        ensureTopic(TransactionTopics.OP_TOPIC);
        PutMessageResult result = store.putMessage(HalfMessages.toOp(half, storeHost.get(), clock.millis()));
        return result != null && result.isOk();
    }

    /** The message at {@code commitLogOffset} (body as stored), or null when there is none. */
    public MessageExt lookMessageByOffset(long commitLogOffset) {
        return store.lookMessageByOffset(commitLogOffset);
    }

    /** Up to {@code max} half messages from queue offset {@code offset}, decoded. */
    public QueueBatch readHalf(long offset, int max) {
        return read(TransactionTopics.HALF_TOPIC, offset, max);
    }

    /** Up to {@code max} op records from queue offset {@code offset}, decoded. */
    public QueueBatch readOp(long offset, int max) {
        return read(TransactionTopics.OP_TOPIC, offset, max);
    }

    public long halfMaxOffset() {
        return store.getMaxOffsetInQueue(TransactionTopics.HALF_TOPIC, TransactionTopics.HALF_QUEUE_ID);
    }

    public long opMaxOffset() {
        return store.getMaxOffsetInQueue(TransactionTopics.OP_TOPIC, TransactionTopics.HALF_QUEUE_ID);
    }

    /** Where the next check round starts in the half queue (never below the queue's first stored offset). */
    public long halfProgress() {
        return progress(TransactionTopics.HALF_TOPIC);
    }

    /** Where the next check round starts reading op records. */
    public long opProgress() {
        return progress(TransactionTopics.OP_TOPIC);
    }

    /** Records the end of a check round. */
    public void saveProgress(long halfOffset, long opOffset) {
        offsets.commitOffset(PROGRESS_CLIENT, TransactionTopics.CHECK_PROGRESS_GROUP, TransactionTopics.HALF_TOPIC,
            TransactionTopics.HALF_QUEUE_ID, halfOffset);
        offsets.commitOffset(PROGRESS_CLIENT, TransactionTopics.CHECK_PROGRESS_GROUP, TransactionTopics.OP_TOPIC,
            TransactionTopics.HALF_QUEUE_ID, opOffset);
    }

    private long progress(String topic) {
        long saved = offsets.queryOffset(TransactionTopics.CHECK_PROGRESS_GROUP, topic, TransactionTopics.HALF_QUEUE_ID);
        long min = store.getMinOffsetInQueue(topic, TransactionTopics.HALF_QUEUE_ID);
        return Math.max(saved, min);
    }

    private QueueBatch read(String topic, long offset, int max) {
        GetMessageResult result = store.getMessage(TransactionTopics.CHECK_PROGRESS_GROUP, topic,
            TransactionTopics.HALF_QUEUE_ID, offset, max, null);
        if (result == null) {
            return new QueueBatch(List.of(), offset);
        }
        try {
            List<MessageExt> messages = new ArrayList<>(result.getMessageCount());
            for (ByteBuffer buffer : result.getMessageBufferList()) {
                messages.add(MessageDecoder.decode(buffer, true, false));
            }
            return new QueueBatch(messages, result.getNextBeginOffset());
        } finally {
            result.release();
        }
    }

    /** Creates a transaction system topic (1 queue, read and write) the first time it is written; others as they are. */
    private void ensureTopic(String topic) {
        boolean systemTopic = TransactionTopics.HALF_TOPIC.equals(topic) || TransactionTopics.OP_TOPIC.equals(topic)
            || TransactionTopics.CHECK_MAX_TIME_TOPIC.equals(topic);
        if (systemTopic && topicConfigManager.selectTopicConfig(topic) == null) {
            topicConfigManager.createTopicInSendMessageBackMethod(topic, 1, SYSTEM_TOPIC_PERM, 0);
        }
    }

    /** Messages read from a queue, and the queue offset to read next. */
    public record QueueBatch(List<MessageExt> messages, long nextOffset) {
    }
}
