package org.cometmq.client.consumer.store;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offsets of a BROADCASTING consumer, kept on this machine in
 * {@code <rocketmq.client.localOffsetStoreDir>/<clientId>/<group>/offsets.json} (default directory
 * {@code ~/.rocketmq_offsets}, the one the RocketMQ 4.x client uses). Each write goes to a temp file that is
 * renamed over the old one, whose previous content is kept as {@code .bak}.
 */
public class LocalFileOffsetStore extends AbstractOffsetStore {
    /** Root directory of the offset files. */
    public static final String LOCAL_OFFSET_STORE_DIR = System.getProperty("rocketmq.client.localOffsetStoreDir",
        System.getProperty("user.home") + File.separator + ".rocketmq_offsets");
    private static final Logger LOG = LoggerFactory.getLogger(LocalFileOffsetStore.class);

    private final String storePath;

    public LocalFileOffsetStore(MQClientInstance clientInstance, String groupName) {
        this(LOCAL_OFFSET_STORE_DIR, clientInstance.getClientId(), groupName);
    }

    /** A store under {@code baseDir} instead of the default directory. */
    public LocalFileOffsetStore(String baseDir, String clientId, String groupName) {
        super(groupName);
        this.storePath = baseDir + File.separator + clientId + File.separator + groupName + File.separator
            + "offsets.json";
    }

    @Override
    public void load() throws MQClientException {
        OffsetSerializeWrapper wrapper = readLocalOffset();
        if (wrapper != null && wrapper.getOffsetTable() != null) {
            offsetTable.putAll(wrapper.getOffsetTable());
            LOG.info("loaded {} offsets of group {} from {}", wrapper.getOffsetTable().size(), groupName, storePath);
        }
    }

    @Override
    protected long readStoredOffset(MessageQueue mq) {
        try {
            OffsetSerializeWrapper wrapper = readLocalOffset();
            AtomicLong stored = wrapper == null || wrapper.getOffsetTable() == null
                ? null : wrapper.getOffsetTable().get(mq);
            if (stored != null) {
                updateOffset(mq, stored.get(), false);
                return stored.get();
            }
        } catch (MQClientException e) {
            LOG.warn("cannot read the offset of {} from {}: {}", mq, storePath, e.getMessage());
        }
        return -1;
    }

    @Override
    public void persistAll(Set<MessageQueue> mqs) {
        if (mqs == null || mqs.isEmpty()) {
            return;
        }
        OffsetSerializeWrapper wrapper = new OffsetSerializeWrapper();
        for (Map.Entry<MessageQueue, AtomicLong> entry : offsetTable.entrySet()) {
            if (mqs.contains(entry.getKey())) {
                wrapper.getOffsetTable().put(entry.getKey(), new AtomicLong(entry.getValue().get()));
            }
        }
        try {
            MixAll.string2File(wrapper.toJson(true), storePath);
        } catch (IOException e) {
            LOG.error("cannot write the offsets of group {} to {}; they are kept in memory and retried at the"
                + " next persist", groupName, storePath, e);
        }
    }

    /** Written with the others by {@link #persistAll}; one queue alone is not worth a file write. */
    @Override
    public void persist(MessageQueue mq) {
    }

    /** Kept: a broadcasting consumer may take the queue back, and the file must keep its offset. */
    @Override
    public void removeOffset(MessageQueue mq) {
    }

    @Override
    public void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway) {
    }

    /** Where the offsets of this client and group are written. */
    public String getStorePath() {
        return storePath;
    }

    private OffsetSerializeWrapper readLocalOffset() throws MQClientException {
        String content = MixAll.file2String(storePath);
        if (content == null || content.isEmpty()) {
            return readLocalOffsetBak();
        }
        try {
            return OffsetSerializeWrapper.fromJson(content, OffsetSerializeWrapper.class);
        } catch (RuntimeException e) {
            LOG.warn("offset file {} is unreadable ({}); trying its .bak copy", storePath, e.getMessage());
            return readLocalOffsetBak();
        }
    }

    private OffsetSerializeWrapper readLocalOffsetBak() throws MQClientException {
        String bakPath = storePath + ".bak";
        String content = MixAll.file2String(bakPath);
        if (content == null || content.isEmpty()) {
            return null;
        }
        try {
            return OffsetSerializeWrapper.fromJson(content, OffsetSerializeWrapper.class);
        } catch (RuntimeException e) {
            throw new MQClientException("Offset files " + storePath + " and " + bakPath + " are both unreadable"
                + " JSON; move them aside to start group " + groupName + " from its ConsumeFromWhere setting", e);
        }
    }
}
