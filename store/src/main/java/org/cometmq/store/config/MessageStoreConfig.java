package org.cometmq.store.config;

import java.io.File;

/**
 * Every tunable of the message store, with the defaults of the 4.9 broker. Filled from a {@code .properties}
 * file by the broker through its setters; every field's comment states its meaning and unit.
 */
public class MessageStoreConfig {

    /** Root of the store directory (spec 7.1). */
    private String storePathRootDir = System.getProperty("user.home") + File.separator + "store";

    /** Commit-log directory; {@code null} means {@code storePathRootDir/commitlog}. */
    private String storePathCommitLog;

    /** Size of one commit-log file in bytes (1 GiB). */
    private int mappedFileSizeCommitLog = 1024 * 1024 * 1024;

    /** Size of one consume-queue file: 300,000 entries of 20 bytes. */
    private int mappedFileSizeConsumeQueue = 300_000 * 20;

    /** Async flush: period of the commit-log flush thread in ms. */
    private int flushIntervalCommitLog = 500;

    /** Transient pool: period of the commit thread in ms. */
    private int commitIntervalCommitLog = 200;

    /** Put-message lock: reentrant lock ({@code true}) or spin lock ({@code false}). */
    private boolean useReentrantLockWhenPutMessage = true;

    /** Async flush: sleep the full interval ({@code true}) or wait for a wake-up up to the interval. */
    private boolean flushCommitLogTimed = true;

    /** Period of the consume-queue flush thread in ms. */
    private int flushIntervalConsumeQueue = 1000;

    /** Period of the file-cleaning task in ms. */
    private int cleanResourceInterval = 10_000;

    /** Pause between two commit-log file deletions in one cleaning pass, ms. */
    private int deleteCommitLogFilesInterval = 100;

    /** Pause between two consume-queue file deletions in one cleaning pass, ms. */
    private int deleteConsumeQueueFilesInterval = 100;

    /** How long a file still referenced by readers may delay its deletion, ms. */
    private int destroyMapedFileIntervalForcibly = 120_000;

    /** Period of retrying the deletion of a file a reader kept alive, ms. */
    private int redeleteHangedFileInterval = 120_000;

    /** Hours of the day (\"04\", or \"03;04\") when expired files are deleted. */
    private String deleteWhen = "04";

    /** Disk usage percentage above which expired files are deleted at any hour. */
    private int diskMaxUsedSpaceRatio = 75;

    /** Hours a commit-log file is kept after its last write. */
    private int fileReservedTime = 72;

    /** Dispatch lag (messages) beyond which the index builder logs a warning. */
    private int putMsgIndexHightWater = 600_000;

    /** Largest accepted message body in bytes (4 MiB). */
    private int maxMessageSize = 1024 * 1024 * 4;

    /** Verify the body CRC of every record walked during recovery. */
    private boolean checkCRCOnRecover = true;

    /** Async flush: pages (4 KiB) that must be dirty before a regular flush. */
    private int flushCommitLogLeastPages = 4;

    /** Transient pool: pages that must be written before a regular commit. */
    private int commitCommitLogLeastPages = 4;

    /** Pages between two forces while pre-touching a new file under SYNC_FLUSH. */
    private int flushLeastPagesWhenWarmMapedFile = 1024 / 4 * 16;

    /** Pages that must be dirty before a regular consume-queue flush. */
    private int flushConsumeQueueLeastPages = 2;

    /** Async flush: force whatever is dirty at least this often, ms. */
    private int flushCommitLogThoroughInterval = 1000 * 10;

    /** Transient pool: commit whatever is written at least this often, ms. */
    private int commitCommitLogThoroughInterval = 200;

    /** Flush consume queues (and the index) fully at least this often, ms. */
    private int flushConsumeQueueThoroughInterval = 1000 * 60;

    /** Pull batch limit in bytes when the data is in memory. */
    private int maxTransferBytesOnMessageInMemory = 1024 * 256;

    /** Pull batch limit in messages when the data is in memory. */
    private int maxTransferCountOnMessageInMemory = 32;

    /** Pull batch limit in bytes when the data is on disk. */
    private int maxTransferBytesOnMessageInDisk = 1024 * 64;

    /** Pull batch limit in messages when the data is on disk. */
    private int maxTransferCountOnMessageInDisk = 8;

    /** Percentage of physical memory behind the commit-log end that counts as in memory. */
    private int accessMessageInMemoryMaxRatio = 40;

    /** Build the key/unique-key hash index. */
    private boolean messageIndexEnable = true;

    /** Hash slots per index file. */
    private int maxHashSlotNum = 5_000_000;

    /** Entries per index file. */
    private int maxIndexNum = 5_000_000 * 4;

    /** Largest number of results a key query returns by default. */
    private int maxMsgsNumBatch = 64;

    /** Include the index flush time in the abnormal-recovery start point. */
    private boolean messageIndexSafe = false;

    /** Replication role; a slave refuses puts. */
    private BrokerRole brokerRole = BrokerRole.ASYNC_MASTER;

    /** Port of the HA server every broker opens; the broker sets it to its listen port + 1. 0 picks a free port. */
    private int haListenPort = 10912;

    /** Slave: period of its offset report; master: idle time after which it sends a heartbeat frame, ms. */
    private int haSendHeartbeatInterval = 1000 * 5;

    /** A replication connection silent (master: no report read; slave: no report written) this long is closed, ms. */
    private int haHousekeepingInterval = 1000 * 20;

    /** Largest commit-log chunk the master sends in one frame, bytes. */
    private int haTransferBatchSize = 1024 * 32;

    /** Slave: fixed {@code ip:port} of the master's HA server; {@code null} takes it from the name server. */
    private String haMasterAddress = null;

    /** SYNC_MASTER: a slave further behind than this many bytes counts as unavailable. */
    private int haSlaveFallbehindMax = 1024 * 1024 * 256;

    /** SYNC_MASTER: how long a put waits for a slave to acknowledge it, ms (then FLUSH_SLAVE_TIMEOUT). */
    private int slaveTimeout = 3000;

    /** When a put is acknowledged relative to the disk. */
    private FlushDiskType flushDiskType = FlushDiskType.ASYNC_FLUSH;

    /** SYNC_FLUSH: how long a put waits for its data to be forced, ms (then FLUSH_DISK_TIMEOUT). */
    private int syncFlushTimeout = 1000 * 5;

    /** Delay of each level, space separated, units s m h d (spec 8.2). */
    private String messageDelayLevel = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";

    /** Period of persisting the delay-level offsets, ms. */
    private long flushDelayOffsetInterval = 1000 * 10;

    /**
     * Above the forced-clean ratio, delete unexpired commit-log files even when a consumer group has not consumed
     * them (RocketMQ 4.9.7's behaviour and default). CometMQ's default is false: forced cleaning then deletes only
     * files every group has consumed, and when none is, sends are refused above the warning ratio until space returns.
     */
    private boolean cleanFileForciblyEnable = false;

    /** Pre-touch every page of a new commit-log file. */
    private boolean warmMapedFileEnable = false;

    /** Slaves correct out-of-range pull offsets as a master would. */
    private boolean offsetCheckInSlave = false;

    /** Log puts that hold the put lock too long. */
    private boolean debugLockEnable = false;

    /** Allow re-appending at a reset write offset (reserved). */
    private boolean duplicationEnable = false;

    /** Record how far pulls fall behind the commit-log end. */
    private boolean diskFallRecorded = true;

    /** Put-lock hold time beyond which the page cache counts as busy, ms. */
    private long osPageCacheBusyTimeOutMills = 1000;

    /** Default number of results of a key query. */
    private int defaultQueryMaxNum = 32;

    /** Write into pooled direct buffers and commit them to the file channel. */
    private boolean transientStorePoolEnable = false;

    /** Number of direct buffers in the transient pool (each one commit-log file large). */
    private int transientStorePoolSize = 5;

    /** Refuse puts with SYSTEM_BUSY when the transient pool is short. */
    private boolean fastFailIfNoBufferInStorePool = false;

    /** Longest topic name in bytes (the stored record has a 1-byte length). */
    private int maxTopicLength = Byte.MAX_VALUE;

    /** Longest properties string in bytes (the stored record has a 2-byte length). */
    private int maxPropertiesLength = Short.MAX_VALUE;

    /** Count deliveries of delayed messages. */
    private boolean enableScheduleMessageStats = true;

    /** Normal recovery walks this many commit-log (and consume-queue) files from the end. */
    private int recoverLastFileCount = 3;

    /** Start-up waits at most this long to dispatch what recovery left behind, ms. */
    private long startDispatchTimeoutMillis = 10 * 60 * 1000;

    public String getStorePathRootDir() {
        return storePathRootDir;
    }

    public void setStorePathRootDir(String storePathRootDir) {
        this.storePathRootDir = storePathRootDir;
    }

    public String getStorePathCommitLog() {
        return storePathCommitLog != null ? storePathCommitLog : StorePathConfigHelper.getStorePathCommitLog(storePathRootDir);
    }

    public void setStorePathCommitLog(String storePathCommitLog) {
        this.storePathCommitLog = storePathCommitLog;
    }

    public int getMappedFileSizeCommitLog() {
        return mappedFileSizeCommitLog;
    }

    public void setMappedFileSizeCommitLog(int mappedFileSizeCommitLog) {
        this.mappedFileSizeCommitLog = mappedFileSizeCommitLog;
    }

    public int getMappedFileSizeConsumeQueue() {
        return mappedFileSizeConsumeQueue;
    }

    public void setMappedFileSizeConsumeQueue(int mappedFileSizeConsumeQueue) {
        this.mappedFileSizeConsumeQueue = mappedFileSizeConsumeQueue;
    }

    public int getFlushIntervalCommitLog() {
        return flushIntervalCommitLog;
    }

    public void setFlushIntervalCommitLog(int flushIntervalCommitLog) {
        this.flushIntervalCommitLog = flushIntervalCommitLog;
    }

    public int getCommitIntervalCommitLog() {
        return commitIntervalCommitLog;
    }

    public void setCommitIntervalCommitLog(int commitIntervalCommitLog) {
        this.commitIntervalCommitLog = commitIntervalCommitLog;
    }

    public boolean isUseReentrantLockWhenPutMessage() {
        return useReentrantLockWhenPutMessage;
    }

    public void setUseReentrantLockWhenPutMessage(boolean useReentrantLockWhenPutMessage) {
        this.useReentrantLockWhenPutMessage = useReentrantLockWhenPutMessage;
    }

    public boolean isFlushCommitLogTimed() {
        return flushCommitLogTimed;
    }

    public void setFlushCommitLogTimed(boolean flushCommitLogTimed) {
        this.flushCommitLogTimed = flushCommitLogTimed;
    }

    public int getFlushIntervalConsumeQueue() {
        return flushIntervalConsumeQueue;
    }

    public void setFlushIntervalConsumeQueue(int flushIntervalConsumeQueue) {
        this.flushIntervalConsumeQueue = flushIntervalConsumeQueue;
    }

    public int getCleanResourceInterval() {
        return cleanResourceInterval;
    }

    public void setCleanResourceInterval(int cleanResourceInterval) {
        this.cleanResourceInterval = cleanResourceInterval;
    }

    public int getDeleteCommitLogFilesInterval() {
        return deleteCommitLogFilesInterval;
    }

    public void setDeleteCommitLogFilesInterval(int deleteCommitLogFilesInterval) {
        this.deleteCommitLogFilesInterval = deleteCommitLogFilesInterval;
    }

    public int getDeleteConsumeQueueFilesInterval() {
        return deleteConsumeQueueFilesInterval;
    }

    public void setDeleteConsumeQueueFilesInterval(int deleteConsumeQueueFilesInterval) {
        this.deleteConsumeQueueFilesInterval = deleteConsumeQueueFilesInterval;
    }

    public int getDestroyMapedFileIntervalForcibly() {
        return destroyMapedFileIntervalForcibly;
    }

    public void setDestroyMapedFileIntervalForcibly(int destroyMapedFileIntervalForcibly) {
        this.destroyMapedFileIntervalForcibly = destroyMapedFileIntervalForcibly;
    }

    public int getRedeleteHangedFileInterval() {
        return redeleteHangedFileInterval;
    }

    public void setRedeleteHangedFileInterval(int redeleteHangedFileInterval) {
        this.redeleteHangedFileInterval = redeleteHangedFileInterval;
    }

    public String getDeleteWhen() {
        return deleteWhen;
    }

    public void setDeleteWhen(String deleteWhen) {
        this.deleteWhen = deleteWhen;
    }

    /** As in 4.9.7, kept within [10, 95]. */
    public int getDiskMaxUsedSpaceRatio() {
        return Math.max(10, Math.min(95, diskMaxUsedSpaceRatio));
    }

    public void setDiskMaxUsedSpaceRatio(int diskMaxUsedSpaceRatio) {
        this.diskMaxUsedSpaceRatio = diskMaxUsedSpaceRatio;
    }

    public int getFileReservedTime() {
        return fileReservedTime;
    }

    public void setFileReservedTime(int fileReservedTime) {
        this.fileReservedTime = fileReservedTime;
    }

    public int getPutMsgIndexHightWater() {
        return putMsgIndexHightWater;
    }

    public void setPutMsgIndexHightWater(int putMsgIndexHightWater) {
        this.putMsgIndexHightWater = putMsgIndexHightWater;
    }

    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public boolean isCheckCRCOnRecover() {
        return checkCRCOnRecover;
    }

    public void setCheckCRCOnRecover(boolean checkCRCOnRecover) {
        this.checkCRCOnRecover = checkCRCOnRecover;
    }

    public int getFlushCommitLogLeastPages() {
        return flushCommitLogLeastPages;
    }

    public void setFlushCommitLogLeastPages(int flushCommitLogLeastPages) {
        this.flushCommitLogLeastPages = flushCommitLogLeastPages;
    }

    public int getCommitCommitLogLeastPages() {
        return commitCommitLogLeastPages;
    }

    public void setCommitCommitLogLeastPages(int commitCommitLogLeastPages) {
        this.commitCommitLogLeastPages = commitCommitLogLeastPages;
    }

    public int getFlushLeastPagesWhenWarmMapedFile() {
        return flushLeastPagesWhenWarmMapedFile;
    }

    public void setFlushLeastPagesWhenWarmMapedFile(int flushLeastPagesWhenWarmMapedFile) {
        this.flushLeastPagesWhenWarmMapedFile = flushLeastPagesWhenWarmMapedFile;
    }

    public int getFlushConsumeQueueLeastPages() {
        return flushConsumeQueueLeastPages;
    }

    public void setFlushConsumeQueueLeastPages(int flushConsumeQueueLeastPages) {
        this.flushConsumeQueueLeastPages = flushConsumeQueueLeastPages;
    }

    public int getFlushCommitLogThoroughInterval() {
        return flushCommitLogThoroughInterval;
    }

    public void setFlushCommitLogThoroughInterval(int flushCommitLogThoroughInterval) {
        this.flushCommitLogThoroughInterval = flushCommitLogThoroughInterval;
    }

    public int getCommitCommitLogThoroughInterval() {
        return commitCommitLogThoroughInterval;
    }

    public void setCommitCommitLogThoroughInterval(int commitCommitLogThoroughInterval) {
        this.commitCommitLogThoroughInterval = commitCommitLogThoroughInterval;
    }

    public int getFlushConsumeQueueThoroughInterval() {
        return flushConsumeQueueThoroughInterval;
    }

    public void setFlushConsumeQueueThoroughInterval(int flushConsumeQueueThoroughInterval) {
        this.flushConsumeQueueThoroughInterval = flushConsumeQueueThoroughInterval;
    }

    public int getMaxTransferBytesOnMessageInMemory() {
        return maxTransferBytesOnMessageInMemory;
    }

    public void setMaxTransferBytesOnMessageInMemory(int maxTransferBytesOnMessageInMemory) {
        this.maxTransferBytesOnMessageInMemory = maxTransferBytesOnMessageInMemory;
    }

    public int getMaxTransferCountOnMessageInMemory() {
        return maxTransferCountOnMessageInMemory;
    }

    public void setMaxTransferCountOnMessageInMemory(int maxTransferCountOnMessageInMemory) {
        this.maxTransferCountOnMessageInMemory = maxTransferCountOnMessageInMemory;
    }

    public int getMaxTransferBytesOnMessageInDisk() {
        return maxTransferBytesOnMessageInDisk;
    }

    public void setMaxTransferBytesOnMessageInDisk(int maxTransferBytesOnMessageInDisk) {
        this.maxTransferBytesOnMessageInDisk = maxTransferBytesOnMessageInDisk;
    }

    public int getMaxTransferCountOnMessageInDisk() {
        return maxTransferCountOnMessageInDisk;
    }

    public void setMaxTransferCountOnMessageInDisk(int maxTransferCountOnMessageInDisk) {
        this.maxTransferCountOnMessageInDisk = maxTransferCountOnMessageInDisk;
    }

    public int getAccessMessageInMemoryMaxRatio() {
        return accessMessageInMemoryMaxRatio;
    }

    public void setAccessMessageInMemoryMaxRatio(int accessMessageInMemoryMaxRatio) {
        this.accessMessageInMemoryMaxRatio = accessMessageInMemoryMaxRatio;
    }

    public boolean isMessageIndexEnable() {
        return messageIndexEnable;
    }

    public void setMessageIndexEnable(boolean messageIndexEnable) {
        this.messageIndexEnable = messageIndexEnable;
    }

    public int getMaxHashSlotNum() {
        return maxHashSlotNum;
    }

    public void setMaxHashSlotNum(int maxHashSlotNum) {
        this.maxHashSlotNum = maxHashSlotNum;
    }

    public int getMaxIndexNum() {
        return maxIndexNum;
    }

    public void setMaxIndexNum(int maxIndexNum) {
        this.maxIndexNum = maxIndexNum;
    }

    public int getMaxMsgsNumBatch() {
        return maxMsgsNumBatch;
    }

    public void setMaxMsgsNumBatch(int maxMsgsNumBatch) {
        this.maxMsgsNumBatch = maxMsgsNumBatch;
    }

    public boolean isMessageIndexSafe() {
        return messageIndexSafe;
    }

    public void setMessageIndexSafe(boolean messageIndexSafe) {
        this.messageIndexSafe = messageIndexSafe;
    }

    public BrokerRole getBrokerRole() {
        return brokerRole;
    }

    public void setBrokerRole(BrokerRole brokerRole) {
        this.brokerRole = brokerRole;
    }

    public FlushDiskType getFlushDiskType() {
        return flushDiskType;
    }

    public void setFlushDiskType(FlushDiskType flushDiskType) {
        this.flushDiskType = flushDiskType;
    }

    public int getSyncFlushTimeout() {
        return syncFlushTimeout;
    }

    public void setSyncFlushTimeout(int syncFlushTimeout) {
        this.syncFlushTimeout = syncFlushTimeout;
    }

    public String getMessageDelayLevel() {
        return messageDelayLevel;
    }

    public void setMessageDelayLevel(String messageDelayLevel) {
        this.messageDelayLevel = messageDelayLevel;
    }

    public long getFlushDelayOffsetInterval() {
        return flushDelayOffsetInterval;
    }

    public void setFlushDelayOffsetInterval(long flushDelayOffsetInterval) {
        this.flushDelayOffsetInterval = flushDelayOffsetInterval;
    }

    public boolean isCleanFileForciblyEnable() {
        return cleanFileForciblyEnable;
    }

    public void setCleanFileForciblyEnable(boolean cleanFileForciblyEnable) {
        this.cleanFileForciblyEnable = cleanFileForciblyEnable;
    }

    public boolean isWarmMapedFileEnable() {
        return warmMapedFileEnable;
    }

    public void setWarmMapedFileEnable(boolean warmMapedFileEnable) {
        this.warmMapedFileEnable = warmMapedFileEnable;
    }

    public boolean isOffsetCheckInSlave() {
        return offsetCheckInSlave;
    }

    public void setOffsetCheckInSlave(boolean offsetCheckInSlave) {
        this.offsetCheckInSlave = offsetCheckInSlave;
    }

    public boolean isDebugLockEnable() {
        return debugLockEnable;
    }

    public void setDebugLockEnable(boolean debugLockEnable) {
        this.debugLockEnable = debugLockEnable;
    }

    public boolean isDuplicationEnable() {
        return duplicationEnable;
    }

    public void setDuplicationEnable(boolean duplicationEnable) {
        this.duplicationEnable = duplicationEnable;
    }

    public boolean isDiskFallRecorded() {
        return diskFallRecorded;
    }

    public void setDiskFallRecorded(boolean diskFallRecorded) {
        this.diskFallRecorded = diskFallRecorded;
    }

    public long getOsPageCacheBusyTimeOutMills() {
        return osPageCacheBusyTimeOutMills;
    }

    public void setOsPageCacheBusyTimeOutMills(long osPageCacheBusyTimeOutMills) {
        this.osPageCacheBusyTimeOutMills = osPageCacheBusyTimeOutMills;
    }

    public int getDefaultQueryMaxNum() {
        return defaultQueryMaxNum;
    }

    public void setDefaultQueryMaxNum(int defaultQueryMaxNum) {
        this.defaultQueryMaxNum = defaultQueryMaxNum;
    }

    public boolean isTransientStorePoolEnable() {
        return transientStorePoolEnable;
    }

    public void setTransientStorePoolEnable(boolean transientStorePoolEnable) {
        this.transientStorePoolEnable = transientStorePoolEnable;
    }

    public int getTransientStorePoolSize() {
        return transientStorePoolSize;
    }

    public void setTransientStorePoolSize(int transientStorePoolSize) {
        this.transientStorePoolSize = transientStorePoolSize;
    }

    public boolean isFastFailIfNoBufferInStorePool() {
        return fastFailIfNoBufferInStorePool;
    }

    public void setFastFailIfNoBufferInStorePool(boolean fastFailIfNoBufferInStorePool) {
        this.fastFailIfNoBufferInStorePool = fastFailIfNoBufferInStorePool;
    }

    public int getMaxTopicLength() {
        return maxTopicLength;
    }

    public void setMaxTopicLength(int maxTopicLength) {
        this.maxTopicLength = maxTopicLength;
    }

    public int getMaxPropertiesLength() {
        return maxPropertiesLength;
    }

    public void setMaxPropertiesLength(int maxPropertiesLength) {
        this.maxPropertiesLength = maxPropertiesLength;
    }

    public boolean isEnableScheduleMessageStats() {
        return enableScheduleMessageStats;
    }

    public void setEnableScheduleMessageStats(boolean enableScheduleMessageStats) {
        this.enableScheduleMessageStats = enableScheduleMessageStats;
    }

    public int getRecoverLastFileCount() {
        return recoverLastFileCount;
    }

    public void setRecoverLastFileCount(int recoverLastFileCount) {
        this.recoverLastFileCount = recoverLastFileCount;
    }

    public long getStartDispatchTimeoutMillis() {
        return startDispatchTimeoutMillis;
    }

    public void setStartDispatchTimeoutMillis(long startDispatchTimeoutMillis) {
        this.startDispatchTimeoutMillis = startDispatchTimeoutMillis;
    }

    public int getHaListenPort() {
        return haListenPort;
    }

    public void setHaListenPort(int haListenPort) {
        this.haListenPort = haListenPort;
    }

    public int getHaSendHeartbeatInterval() {
        return haSendHeartbeatInterval;
    }

    public void setHaSendHeartbeatInterval(int haSendHeartbeatInterval) {
        this.haSendHeartbeatInterval = haSendHeartbeatInterval;
    }

    public int getHaHousekeepingInterval() {
        return haHousekeepingInterval;
    }

    public void setHaHousekeepingInterval(int haHousekeepingInterval) {
        this.haHousekeepingInterval = haHousekeepingInterval;
    }

    public int getHaTransferBatchSize() {
        return haTransferBatchSize;
    }

    public void setHaTransferBatchSize(int haTransferBatchSize) {
        this.haTransferBatchSize = haTransferBatchSize;
    }

    public String getHaMasterAddress() {
        return haMasterAddress;
    }

    public void setHaMasterAddress(String haMasterAddress) {
        this.haMasterAddress = haMasterAddress;
    }

    public int getHaSlaveFallbehindMax() {
        return haSlaveFallbehindMax;
    }

    public void setHaSlaveFallbehindMax(int haSlaveFallbehindMax) {
        this.haSlaveFallbehindMax = haSlaveFallbehindMax;
    }

    public int getSlaveTimeout() {
        return slaveTimeout;
    }

    public void setSlaveTimeout(int slaveTimeout) {
        this.slaveTimeout = slaveTimeout;
    }
}
