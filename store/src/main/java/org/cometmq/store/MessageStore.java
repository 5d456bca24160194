package org.cometmq.store;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageExtBatch;
import org.cometmq.store.cleanup.ConsumedOffsetView;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.ha.HAService;
import org.cometmq.store.queue.ConsumeQueue;

/**
 * What the broker needs from the message store. {@link DefaultMessageStore} is the file-based implementation;
 * tests of the broker may use a fake.
 */
public interface MessageStore {

    /** Opens the store directory and recovers it; false when it cannot be used. */
    boolean load();

    /** Starts the background services; the store accepts puts afterwards. */
    void start() throws Exception;

    /** Flushes everything, stops the services and marks a clean exit. */
    void shutdown();

    /** Deletes every file of the store (tests). */
    void destroy();

    CompletableFuture<PutMessageResult> asyncPutMessage(MessageExtBrokerInner msg);

    CompletableFuture<PutMessageResult> asyncPutMessages(MessageExtBatch messageExtBatch);

    PutMessageResult putMessage(MessageExtBrokerInner msg);

    PutMessageResult putMessages(MessageExtBatch messageExtBatch);

    /**
     * Up to {@code maxMsgNums} messages of a queue from {@code offset}, filtered, with the status and offsets of
     * spec 9.7. The caller must {@link GetMessageResult#release()} the result. {@code null} when the store is
     * shut down or not readable.
     */
    GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
                                 MessageFilter messageFilter);

    /** One past the last queue offset; 0 for an unknown queue. */
    long getMaxOffsetInQueue(String topic, int queueId);

    /** First queue offset still stored; 0 for an unknown queue. */
    long getMinOffsetInQueue(String topic, int queueId);

    /** Commit-log offset of the message at {@code consumeQueueOffset}, 0 when unknown. */
    long getCommitLogOffsetInQueue(String topic, int queueId, long consumeQueueOffset);

    /** Queue offset of the message stored nearest to {@code timestamp} (see {@link ConsumeQueue#getOffsetInQueueByTime}). */
    long getOffsetInQueueByTime(String topic, int queueId, long timestamp);

    MessageExt lookMessageByOffset(long commitLogOffset);

    MessageExt lookMessageByOffset(long commitLogOffset, int size);

    SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset);

    SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset, int msgSize);

    String getRunningDataInfo();

    HashMap<String, String> getRuntimeInfo();

    long getMaxPhyOffset();

    long getMinPhyOffset();

    /** Store time of the first message of a queue, -1 when none. */
    long getEarliestMessageTime(String topic, int queueId);

    /** Store time of the first message in the commit log, -1 when none. */
    long getEarliestMessageTime();

    long getMessageStoreTimeStamp(String topic, int queueId, long consumeQueueOffset);

    long getMessageTotalInQueue(String topic, int queueId);

    /** Commit-log bytes from {@code offset} to the end of its file (replication). */
    SelectMappedBufferResult getCommitLogData(long offset);

    /** Asks the cleaner to delete expired files on its next runs, whatever the hour. */
    void executeDeleteFilesManually();

    /** Messages of {@code topic} with {@code key} (KEYS token or UNIQ_KEY) stored within [begin, end]. */
    QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end);

    /** The store's wall clock in ms: store timestamps and every time-based decision read it. */
    long now();

    /** Deletes the consume queues of topics not in {@code topics}; returns how many queues went. */
    int cleanUnusedTopic(Set<String> topics);

    void cleanExpiredConsumerQueue();

    /** True when the message at {@code consumeOffset} is likely on disk rather than in memory. */
    boolean checkInDiskByConsumeOffset(String topic, int queueId, long consumeOffset);

    /** Commit-log bytes written but not yet dispatched to consume queues and index. */
    long dispatchBehindBytes();

    /** Commit-log bytes written but not yet flushed to disk. */
    long flushBehindBytes();

    /** Flushes the commit log now; returns the flushed offset. */
    long flush();

    long getConfirmOffset();

    void setConfirmOffset(long phyOffset);

    boolean isOSPageCacheBusy();

    long lockTimeMills();

    boolean isTransientStorePoolDeficient();

    List<CommitLogDispatcher> getDispatcherList();

    /** The consume queue, or {@code null} when it does not exist. */
    ConsumeQueue getConsumeQueue(String topic, int queueId);

    StoreStatsService getStoreStatsService();

    MessageStoreConfig getMessageStoreConfig();

    /**
     * Slave: appends {@code dataLength} bytes of the master's commit log, which start at commit-log offset
     * {@code startOffset} (this store's end); they are then dispatched like any record. False when refused.
     */
    boolean appendToCommitLog(long startOffset, byte[] data, int dataStart, int dataLength);

    /** Slave: the master's HA address ({@code ip:port}) to replicate from, taken at the next connect. */
    void updateHaMasterAddress(String newAddr);

    /** Replication: slave connections and acknowledgements (master), the master connection (slave). */
    HAService getHaService();

    /** Master: bytes of the commit log no slave has acknowledged yet (the whole log when none ever did). */
    long slaveFallBehindMuch();

    /** Starts delayed-message delivery on a master, stops it on a slave. */
    void handleScheduleMessageService(BrokerRole brokerRole);

    /** Root directory of the store. */
    String getStorePathRootDir();

    /**
     * Lets the store see the consumer groups' committed offsets, so that forced cleaning keeps what a group still
     * needs and deleted unconsumed data is reported per group.
     */
    void setConsumedOffsetView(ConsumedOffsetView view);

    /** Messages of a queue deleted before {@code group} consumed them, since the store started. */
    long getLostMessageCount(String group, String topic, int queueId);
}
