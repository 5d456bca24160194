package org.cometmq.store;

import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageExtBatch;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.store.checkpoint.AbortFile;
import org.cometmq.store.checkpoint.StoreCheckpoint;
import org.cometmq.store.checkpoint.StoreDirectoryLock;
import org.cometmq.store.cleanup.CleanCommitLogService;
import org.cometmq.store.cleanup.CleanConsumeQueueService;
import org.cometmq.store.cleanup.ConsumedOffsetView;
import org.cometmq.store.cleanup.DiskSpaceLevels;
import org.cometmq.store.cleanup.DiskSpaceProvider;
import org.cometmq.store.cleanup.FileStoreDiskSpaceProvider;
import org.cometmq.store.cleanup.LostDataLedger;
import org.cometmq.store.cleanup.RetentionGuard;
import org.cometmq.store.commitlog.CommitLog;
import org.cometmq.store.commitlog.CommitLogRecordParser;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.store.config.FlushDiskType;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.config.StorePathConfigHelper;
import org.cometmq.store.ha.HAService;
import org.cometmq.store.index.IndexDispatcher;
import org.cometmq.store.index.IndexService;
import org.cometmq.store.logfile.TransientStorePool;
import org.cometmq.store.queue.ConsumeQueue;
import org.cometmq.store.queue.ConsumeQueueDispatcher;
import org.cometmq.store.queue.ConsumeQueueTable;
import org.cometmq.store.queue.FlushConsumeQueueService;
import org.cometmq.store.queue.ReputMessageService;
import org.cometmq.store.read.GetMessageService;
import org.cometmq.store.read.MessageLookupService;
import org.cometmq.store.recovery.StoreRecovery;
import org.cometmq.store.schedule.DelayLevelTable;
import org.cometmq.store.schedule.DelayedMessageRewriter;
import org.cometmq.store.schedule.ScheduleMessageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-based message store: wires the commit log, consume queues, index, checkpoint, recovery, dispatch,
 * flush, cleaning and delayed delivery, and answers the broker through {@link MessageStore}. The work itself
 * lives in those parts; this class checks state, routes calls and keeps stats.
 */
public class DefaultMessageStore implements MessageStore, ReplicationStatus {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultMessageStore.class);

    private final MessageStoreConfig config;
    private final Clock clock;
    private final MessageArrivingListener arrivingListener;
    private final RunningFlags runningFlags = new RunningFlags();
    private final StoreStatsService storeStatsService = new StoreStatsService();
    private final DelayLevelTable delayLevelTable;
    private final StoreDirectoryLock directoryLock;
    private final AbortFile abortFile;
    private final StoreCheckpoint storeCheckpoint;
    private final TransientStorePool transientStorePool;
    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueueTable;
    private final IndexService indexService;
    private final LinkedList<CommitLogDispatcher> dispatcherList = new LinkedList<>();
    private final ReputMessageService reputMessageService;
    private final FlushConsumeQueueService flushConsumeQueueService;
    private final ScheduleMessageService scheduleMessageService;
    private final CleanCommitLogService cleanCommitLogService;
    private final CleanConsumeQueueService cleanConsumeQueueService;
    private final RetentionGuard retentionGuard;
    private final LostDataLedger lostDataLedger = new LostDataLedger();
    private final GetMessageService getMessageService;
    private final MessageLookupService lookupService;
    private final ScheduledExecutorService scheduledExecutor;
    private final StorePutGuard putGuard;
    private final HAService haService;
    private volatile boolean shutdown = true;
    private volatile boolean released = false;
    private long dispatchFrom = 0;

    public DefaultMessageStore(MessageStoreConfig config, MessageArrivingListener arrivingListener) throws IOException {
        this(config, arrivingListener, new FileStoreDiskSpaceProvider());
    }

    public DefaultMessageStore(MessageStoreConfig config, MessageArrivingListener arrivingListener,
                               DiskSpaceProvider diskSpaceProvider) throws IOException {
        this(config, arrivingListener, diskSpaceProvider, Clock.systemUTC());
    }

    /**
     * Locks the store directory and maps the checkpoint; nothing else touches the disk before {@link #load()}.
     *
     * {@code clock} is the wall clock of every time-based decision: store timestamps (and so scheduled delivery),
     * thorough flush and commit intervals, the {@code deleteWhen} hours.
     *
     * @throws IllegalStateException when another store holds the directory
     */
    public DefaultMessageStore(MessageStoreConfig config, MessageArrivingListener arrivingListener,
                               DiskSpaceProvider diskSpaceProvider, Clock clock) throws IOException {
        this.config = config;
        this.clock = clock;
        this.arrivingListener = arrivingListener;
        this.delayLevelTable = new DelayLevelTable(config.getMessageDelayLevel());
        String root = config.getStorePathRootDir();
        this.directoryLock = new StoreDirectoryLock(root);
        directoryLock.acquire();
        this.abortFile = new AbortFile(root);
        try {
            this.storeCheckpoint = new StoreCheckpoint(StorePathConfigHelper.getStoreCheckpoint(root));
        } catch (IOException | RuntimeException e) {
            directoryLock.release();
            throw e;
        }
        this.transientStorePool = isTransientStorePoolEnable()
            ? new TransientStorePool(config.getTransientStorePoolSize(), config.getMappedFileSizeCommitLog()) : null;
        this.commitLog = new CommitLog(config, storeCheckpoint, transientStorePool, clock);
        commitLog.setOutOfSpaceListener(runningFlags::getAndMakeDiskFull);
        commitLog.getMappedFileQueue().setFlushLatency(storeStatsService.getFlushLatency());
        this.consumeQueueTable = new ConsumeQueueTable(StorePathConfigHelper.getStorePathConsumeQueue(root),
            config.getMappedFileSizeConsumeQueue(), new org.cometmq.store.commitlog.CommitLogTimeLookup(commitLog));
        this.indexService = new IndexService(config, storeCheckpoint, runningFlags);
        dispatcherList.add(new ConsumeQueueDispatcher(consumeQueueTable, storeCheckpoint, runningFlags));
        if (config.isMessageIndexEnable()) {
            dispatcherList.add(new IndexDispatcher(indexService));
        }
        this.reputMessageService = new ReputMessageService(commitLog, new CommitLogRecordParser(delayLevelTable),
            dispatcherList);
        this.flushConsumeQueueService = new FlushConsumeQueueService(config, consumeQueueTable, storeCheckpoint, clock);
        this.scheduleMessageService = new ScheduleMessageService(this, delayLevelTable);
        this.retentionGuard = new RetentionGuard(consumeQueueTable, scheduleMessageService::getOffsetTable);
        this.cleanCommitLogService = new CleanCommitLogService(config, commitLog, runningFlags, diskSpaceProvider,
            DiskSpaceLevels.fromSystemProperties(), retentionGuard, clock);
        this.cleanConsumeQueueService = new CleanConsumeQueueService(commitLog, consumeQueueTable, indexService,
            lostDataLedger);
        this.putGuard = new StorePutGuard(config, runningFlags, storeStatsService, cleanCommitLogService,
            this::isOSPageCacheBusy);
        this.getMessageService = new GetMessageService(config, commitLog, consumeQueueTable, storeStatsService);
        this.lookupService = new MessageLookupService(commitLog, indexService, delayLevelTable);
        this.haService = new HAService(this, clock);
        commitLog.setReplicaWaiter(haService::submitReplicaRequest);
        this.scheduledExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "StoreScheduledThread");
            t.setDaemon(true);
            return t;
        });
    }

    /** A transient pool only makes sense for an async-flushing master. */
    private boolean isTransientStorePoolEnable() {
        return config.isTransientStorePoolEnable() && config.getFlushDiskType() == FlushDiskType.ASYNC_FLUSH
            && config.getBrokerRole() != BrokerRole.SLAVE;
    }

    @Override
    public boolean load() {
        boolean lastExitOK = !abortFile.exists();
        LOG.info("loading store {} (last exit {})", config.getStorePathRootDir(), lastExitOK ? "clean" : "abnormal");
        if (transientStorePool != null) {
            transientStorePool.init();
        }
        boolean ok = commitLog.load() && consumeQueueTable.load() && indexService.load(lastExitOK);
        if (!ok) {
            LOG.error("store {} could not be loaded; see the errors above", config.getStorePathRootDir());
            return false;
        }
        dispatchFrom = new StoreRecovery(config, commitLog, consumeQueueTable, indexService, storeCheckpoint,
            new CommitLogRecordParser(delayLevelTable)).recover(lastExitOK);
        return scheduleMessageService.load();
    }

    @Override
    public void start() throws Exception {
        abortFile.create();
        catchUpDispatch();
        commitLog.getQueueOffsetTable().reset(consumeQueueTable.maxOffsets());
        // Unlike 4.9.7, a slave also wakes held pulls when replicated messages arrive (longPollingEnable).
        reputMessageService.setArrivingListener(arrivingListener);
        commitLog.start();
        flushConsumeQueueService.start();
        reputMessageService.start();
        storeStatsService.start();
        indexService.start();
        handleScheduleMessageService(config.getBrokerRole());
        cleanConsumeQueueService.catchUp();
        long interval = config.getCleanResourceInterval();
        scheduledExecutor.scheduleAtFixedRate(this::cleanFilesPeriodically, interval, interval, TimeUnit.MILLISECONDS);
        shutdown = false;
        // Last: replicated data is appended only to a running store.
        haService.start();
        LOG.info("store {} started: commit log [{}, {}), {} consume queues", config.getStorePathRootDir(),
            commitLog.getMinOffset(), commitLog.getMaxOffset(), consumeQueueTable.getTable().size());
    }

    /** Dispatches, before accepting puts, everything recovery left undispatched. */
    private void catchUpDispatch() {
        reputMessageService.setReputFromOffset(dispatchFrom);
        // A real wait, not a decision on the store's clock: bounded by elapsed time.
        long deadline = System.nanoTime() + config.getStartDispatchTimeoutMillis() * 1_000_000;
        long records = 0;
        while (reputMessageService.behind() > 0 && System.nanoTime() - deadline < 0) {
            long dispatched = reputMessageService.doReput();
            records += dispatched;
            if (dispatched == 0) {
                break;
            }
        }
        if (reputMessageService.behind() > 0) {
            LOG.error("start-up dispatch stopped {} bytes short of the commit-log end", reputMessageService.behind());
        } else if (records > 0) {
            LOG.info("start-up dispatch replayed {} records from offset {}", records, dispatchFrom);
        }
    }

    /**
     * One cleaning pass (also run every {@code cleanResourceInterval} ms). The groups' offsets are read before any
     * file goes, so that what they had not consumed is reported exactly.
     */
    public void cleanFilesPeriodically() {
        Map<String, Map<String, Map<Integer, Long>>> committed = retentionGuard.committedOffsets();
        cleanCommitLogService.run();
        cleanConsumeQueueService.run(committed, cleanCommitLogService.getLastDeletionReason());
    }

    @Override
    public void setConsumedOffsetView(ConsumedOffsetView view) {
        retentionGuard.setView(view);
    }

    @Override
    public long getLostMessageCount(String group, String topic, int queueId) {
        return lostDataLedger.lostCount(group, topic, queueId);
    }

    /** Messages deleted before a group consumed them. */
    public LostDataLedger getLostDataLedger() {
        return lostDataLedger;
    }

    @Override
    public void shutdown() {
        if (!shutdown) {
            shutdown = true;
            scheduledExecutor.shutdownNow();
            haService.shutdown();
            scheduleMessageService.shutdown();
            reputMessageService.shutdown();
            storeStatsService.shutdown();
            commitLog.shutdown();
            flushConsumeQueueService.shutdown();
            indexService.shutdown();
            storeCheckpoint.flush();
            if (runningFlags.isWriteable() && dispatchBehindBytes() == 0) {
                abortFile.delete();
            } else {
                LOG.warn("store {} keeps its abort file: the next start recovers as after a crash",
                    config.getStorePathRootDir());
            }
        }
        releaseFiles();
    }

    private synchronized void releaseFiles() {
        if (released) {
            return;
        }
        released = true;
        scheduledExecutor.shutdownNow();
        commitLog.getMappedFileQueue().shutdown(1000 * 3);
        consumeQueueTable.shutdown();
        if (transientStorePool != null) {
            transientStorePool.destroy();
        }
        storeCheckpoint.shutdown();
        directoryLock.release();
        LOG.info("store {} shut down", config.getStorePathRootDir());
    }

    @Override
    public void destroy() {
        consumeQueueTable.destroy();
        commitLog.destroy();
        indexService.destroy();
        abortFile.delete();
        new File(StorePathConfigHelper.getStoreCheckpoint(config.getStorePathRootDir())).delete();
    }

    @Override
    public CompletableFuture<PutMessageResult> asyncPutMessage(MessageExtBrokerInner msg) {
        PutMessageStatus refusal = putGuard.check(shutdown, msg.getTopic(), msg.getPropertiesString());
        if (refusal != null) {
            return putGuard.refused(refusal);
        }
        DelayedMessageRewriter.rewriteIfDelayed(msg, delayLevelTable);
        long begin = System.nanoTime();
        CompletableFuture<PutMessageResult> future = commitLog.asyncPutMessage(msg);
        putGuard.recordWhenDone(future, msg.getTopic(), begin);
        return future;
    }

    @Override
    public CompletableFuture<PutMessageResult> asyncPutMessages(MessageExtBatch batch) {
        PutMessageStatus refusal = putGuard.checkBatch(shutdown, batch);
        if (refusal != null) {
            return putGuard.refused(refusal);
        }
        long begin = System.nanoTime();
        CompletableFuture<PutMessageResult> future = commitLog.asyncPutMessages(batch);
        putGuard.recordWhenDone(future, batch.getTopic(), begin);
        return future;
    }

    @Override
    public PutMessageResult putMessage(MessageExtBrokerInner msg) {
        return putGuard.waitForPutResult(asyncPutMessage(msg));
    }

    @Override
    public PutMessageResult putMessages(MessageExtBatch batch) {
        return putGuard.waitForPutResult(asyncPutMessages(batch));
    }

    @Override
    public GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
                                       MessageFilter messageFilter) {
        if (shutdown) {
            LOG.warn("getMessage on a shut-down store");
            return null;
        }
        if (!runningFlags.isReadable()) {
            LOG.warn("getMessage while the store is not readable (flags {})", runningFlags.getFlagBits());
            return null;
        }
        return getMessageService.getMessage(group, topic, queueId, offset, maxMsgNums, messageFilter);
    }

    @Override
    public long getMaxOffsetInQueue(String topic, int queueId) {
        ConsumeQueue queue = consumeQueueTable.find(topic, queueId);
        return queue == null ? 0 : queue.getMaxOffsetInQueue();
    }

    @Override
    public long getMinOffsetInQueue(String topic, int queueId) {
        ConsumeQueue queue = consumeQueueTable.find(topic, queueId);
        return queue == null ? 0 : queue.getMinOffsetInQueue();
    }

    @Override
    public long getCommitLogOffsetInQueue(String topic, int queueId, long consumeQueueOffset) {
        ConsumeQueue queue = consumeQueueTable.find(topic, queueId);
        long[] entry = queue == null ? null : MessageLookupService.entry(queue, consumeQueueOffset);
        return entry == null ? 0 : entry[0];
    }

    @Override
    public long getOffsetInQueueByTime(String topic, int queueId, long timestamp) {
        ConsumeQueue queue = consumeQueueTable.find(topic, queueId);
        return queue == null ? 0 : queue.getOffsetInQueueByTime(timestamp);
    }

    @Override
    public MessageExt lookMessageByOffset(long commitLogOffset) {
        return lookupService.lookMessageByOffset(commitLogOffset);
    }

    @Override
    public MessageExt lookMessageByOffset(long commitLogOffset, int size) {
        return lookupService.lookMessageByOffset(commitLogOffset, size);
    }

    @Override
    public SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset) {
        return lookupService.selectOneMessageByOffset(commitLogOffset);
    }

    @Override
    public SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset, int msgSize) {
        return lookupService.selectOneMessageByOffset(commitLogOffset, msgSize);
    }

    @Override
    public String getRunningDataInfo() {
        return storeStatsService.toString();
    }

    @Override
    public HashMap<String, String> getRuntimeInfo() {
        HashMap<String, String> result = storeStatsService.getRuntimeInfo();
        StoreRuntimeInfo.addStoreFacts(result, config, commitLog, transientStorePool, dispatchBehindBytes());
        scheduleMessageService.buildRunningStats(result);
        lostDataLedger.addRuntimeInfo(result);
        return result;
    }

    @Override
    public long getMaxPhyOffset() {
        return commitLog.getMaxOffset();
    }

    @Override
    public long getMinPhyOffset() {
        return commitLog.getMinOffset();
    }

    @Override
    public long getEarliestMessageTime(String topic, int queueId) {
        ConsumeQueue queue = consumeQueueTable.find(topic, queueId);
        return queue == null ? -1 : lookupService.getEarliestMessageTime(queue);
    }

    @Override
    public long getEarliestMessageTime() {
        return lookupService.getEarliestMessageTime();
    }

    @Override
    public long getMessageStoreTimeStamp(String topic, int queueId, long consumeQueueOffset) {
        ConsumeQueue queue = consumeQueueTable.find(topic, queueId);
        return queue == null ? -1 : lookupService.getMessageStoreTimeStamp(queue, consumeQueueOffset);
    }

    @Override
    public long getMessageTotalInQueue(String topic, int queueId) {
        ConsumeQueue queue = consumeQueueTable.find(topic, queueId);
        return queue == null ? 0 : queue.getMessageTotalInQueue();
    }

    @Override
    public SelectMappedBufferResult getCommitLogData(long offset) {
        return shutdown ? null : commitLog.getData(offset);
    }

    @Override
    public boolean appendToCommitLog(long startOffset, byte[] data, int dataStart, int dataLength) {
        if (shutdown) {
            LOG.warn("replicated data at {} arrived at a shut-down store", startOffset);
            return false;
        }
        boolean appended = commitLog.appendData(startOffset, data, dataStart, dataLength);
        if (appended) {
            reputMessageService.wakeup();
        }
        return appended;
    }

    @Override
    public void updateHaMasterAddress(String newAddr) {
        haService.updateMasterAddress(newAddr);
    }

    @Override
    public long slaveFallBehindMuch() {
        return commitLog.getMaxOffset() - haService.getPush2SlaveMaxOffset().get();
    }

    @Override
    public HAService getHaService() {
        return haService;
    }

    @Override
    public long slaveFallBehindBytes() {
        return config.getBrokerRole() == BrokerRole.SLAVE ? 0 : Math.max(0, slaveFallBehindMuch());
    }

    @Override
    public int slaveConnectionCount() {
        return config.getBrokerRole() == BrokerRole.SLAVE ? 0 : haService.getConnectionCount().get();
    }

    @Override
    public void executeDeleteFilesManually() {
        cleanCommitLogService.executeDeleteFilesManually();
    }

    @Override
    public QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end) {
        return lookupService.queryMessage(topic, key, maxNum, begin, end);
    }

    @Override
    public long now() {
        return clock.millis();
    }

    @Override
    public int cleanUnusedTopic(Set<String> topics) {
        Set<String> keep = new java.util.HashSet<>(topics);
        keep.add(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC);
        List<String> removed = consumeQueueTable.cleanUnusedTopics(keep);
        removed.forEach(commitLog::removeQueueFromTopicQueueTable);
        return removed.size();
    }

    @Override
    public void cleanExpiredConsumerQueue() {
        consumeQueueTable.cleanExpired(commitLog.getMinOffset()).forEach(commitLog::removeQueueFromTopicQueueTable);
    }

    @Override
    public boolean checkInDiskByConsumeOffset(String topic, int queueId, long consumeOffset) {
        ConsumeQueue queue = consumeQueueTable.find(topic, queueId);
        long[] entry = queue == null ? null : MessageLookupService.entry(queue, consumeOffset);
        return entry != null && getMessageService.checkInDiskByCommitOffset(entry[0]);
    }

    @Override
    public long flushBehindBytes() {
        return commitLog.remainHowManyDataToFlush();
    }

    @Override
    public long dispatchBehindBytes() {
        return reputMessageService.behind();
    }

    @Override
    public long flush() {
        return commitLog.flush();
    }

    @Override
    public long getConfirmOffset() {
        return commitLog.getConfirmOffset();
    }

    @Override
    public void setConfirmOffset(long phyOffset) {
        commitLog.setConfirmOffset(phyOffset);
    }

    @Override
    public boolean isOSPageCacheBusy() {
        long diff = commitLog.lockTimeMills();
        return diff < 10_000_000 && diff > config.getOsPageCacheBusyTimeOutMills();
    }

    @Override
    public long lockTimeMills() {
        return commitLog.lockTimeMills();
    }

    @Override
    public boolean isTransientStorePoolDeficient() {
        return transientStorePool != null && transientStorePool.availableBufferNums() == 0;
    }

    @Override
    public List<CommitLogDispatcher> getDispatcherList() {
        return dispatcherList;
    }

    @Override
    public ConsumeQueue getConsumeQueue(String topic, int queueId) {
        return consumeQueueTable.find(topic, queueId);
    }

    @Override
    public StoreStatsService getStoreStatsService() {
        return storeStatsService;
    }

    @Override
    public MessageStoreConfig getMessageStoreConfig() {
        return config;
    }

    @Override
    public void handleScheduleMessageService(BrokerRole brokerRole) {
        if (brokerRole == BrokerRole.SLAVE) {
            scheduleMessageService.shutdown();
        } else {
            scheduleMessageService.start();
        }
    }

    @Override
    public String getStorePathRootDir() {
        return config.getStorePathRootDir();
    }

    public CommitLog getCommitLog() {
        return commitLog;
    }

    public ConsumeQueueTable getConsumeQueueTable() {
        return consumeQueueTable;
    }

    public IndexService getIndexService() {
        return indexService;
    }

    public StoreCheckpoint getStoreCheckpoint() {
        return storeCheckpoint;
    }

    public ScheduleMessageService getScheduleMessageService() {
        return scheduleMessageService;
    }

    public CleanCommitLogService getCleanCommitLogService() {
        return cleanCommitLogService;
    }

    public RunningFlags getRunningFlags() {
        return runningFlags;
    }

    public ReputMessageService getReputMessageService() {
        return reputMessageService;
    }

    /** The next queue offset of every queue ({@code topic-queueId}), as the put lock sees it. */
    public java.util.Map<String, Long> getTopicQueueTable() {
        return commitLog.getQueueOffsetTable().snapshot();
    }

}
