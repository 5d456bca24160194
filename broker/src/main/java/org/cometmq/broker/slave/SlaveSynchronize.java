package org.cometmq.broker.slave;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.broker.out.MasterMetadataSource;
import org.cometmq.broker.subscription.SubscriptionGroupManager;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.common.DataVersion;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.body.ConsumerOffsetSerializeWrapper;
import org.cometmq.common.protocol.body.SubscriptionGroupWrapper;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's copy of its master's metadata, refreshed by {@link #syncAll()} in 4.9.7's order: topic configs (only
 * when the master's data version differs; the table then becomes the master's), consumer offsets (every time, each
 * {@code topic@group} entry replaced by the master's), the delay offsets (written verbatim to
 * {@code delayOffset.json}; a slave runs no delayed delivery) and subscription groups (as topics). A failed item
 * is logged and the next one still tried. Nothing happens while the master is unknown or is this broker.
 */
public class SlaveSynchronize {
    private static final Logger log = LoggerFactory.getLogger(SlaveSynchronize.class);

    private final MasterMetadataSource master;
    private final TopicConfigManager topicConfigManager;
    private final ConsumerOffsetManager consumerOffsetManager;
    private final SubscriptionGroupManager subscriptionGroupManager;
    private final String delayOffsetPath;
    private final Supplier<String> ownAddr;
    private volatile String masterAddr;

    public SlaveSynchronize(MasterMetadataSource master, TopicConfigManager topicConfigManager,
                            ConsumerOffsetManager consumerOffsetManager,
                            SubscriptionGroupManager subscriptionGroupManager, String delayOffsetPath,
                            Supplier<String> ownAddr) {
        this.master = master;
        this.topicConfigManager = topicConfigManager;
        this.consumerOffsetManager = consumerOffsetManager;
        this.subscriptionGroupManager = subscriptionGroupManager;
        this.delayOffsetPath = delayOffsetPath;
        this.ownAddr = ownAddr;
    }

    /** The master's broker address from the last registration answer; null stops the synchronisation. */
    public void setMasterAddr(String masterAddr) {
        if (masterAddr == null ? this.masterAddr != null : !masterAddr.equals(this.masterAddr)) {
            log.info("master address changed from {} to {}", this.masterAddr, masterAddr);
        }
        this.masterAddr = masterAddr;
    }

    public String getMasterAddr() {
        return masterAddr;
    }

    /** One round of the four copies; returns false when there was no master to copy from. */
    public boolean syncAll() {
        String addr = masterAddr;
        if (addr == null || addr.equals(ownAddr.get())) {
            return false;
        }
        syncTopicConfig(addr);
        syncConsumerOffset(addr);
        syncDelayOffset(addr);
        syncSubscriptionGroupConfig(addr);
        return true;
    }

    private void syncTopicConfig(String addr) {
        try {
            TopicConfigSerializeWrapper wrapper = master.getAllTopicConfig(addr);
            if (wrapper == null || wrapper.getTopicConfigTable() == null) {
                return;
            }
            if (replaceIfNewer(topicConfigManager.getDataVersion(), wrapper.getDataVersion(),
                topicConfigManager.getTopicConfigTable(), wrapper.getTopicConfigTable())) {
                topicConfigManager.persist();
                log.info("topic configs copied from master {}: {} topics", addr, wrapper.getTopicConfigTable().size());
            }
        } catch (Exception e) {
            log.warn("copying topic configs from master {} failed: {}", addr, e.toString());
        }
    }

    private void syncConsumerOffset(String addr) {
        try {
            ConsumerOffsetSerializeWrapper wrapper = master.getAllConsumerOffset(addr);
            if (wrapper == null || wrapper.getOffsetTable() == null) {
                return;
            }
            consumerOffsetManager.getOffsetTable().putAll(wrapper.getOffsetTable());
            consumerOffsetManager.persist();
        } catch (Exception e) {
            log.warn("copying consumer offsets from master {} failed: {}", addr, e.toString());
        }
    }

    private void syncDelayOffset(String addr) {
        try {
            String delayOffset = master.getAllDelayOffset(addr);
            if (delayOffset != null) {
                MixAll.string2File(delayOffset, delayOffsetPath);
            }
        } catch (IOException e) {
            log.warn("writing the master's delay offsets to {} failed: {}", delayOffsetPath, e.toString());
        } catch (Exception e) {
            log.warn("copying delay offsets from master {} failed: {}", addr, e.toString());
        }
    }

    private void syncSubscriptionGroupConfig(String addr) {
        try {
            SubscriptionGroupWrapper wrapper = master.getAllSubscriptionGroupConfig(addr);
            if (wrapper == null || wrapper.getSubscriptionGroupTable() == null) {
                return;
            }
            if (replaceIfNewer(subscriptionGroupManager.getDataVersion(), wrapper.getDataVersion(),
                subscriptionGroupManager.getSubscriptionGroupTable(), wrapper.getSubscriptionGroupTable())) {
                subscriptionGroupManager.persist();
                log.info("subscription groups copied from master {}: {} groups", addr,
                    wrapper.getSubscriptionGroupTable().size());
            }
        } catch (Exception e) {
            log.warn("copying subscription groups from master {} failed: {}", addr, e.toString());
        }
    }

    /**
     * Makes {@code local} the master's table when the versions differ. Entries are put before the extra ones are
     * removed, so a reader never sees the table empty (4.9.7 clears it first).
     */
    static <V> boolean replaceIfNewer(DataVersion localVersion, DataVersion masterVersion,
                                      ConcurrentMap<String, V> local, Map<String, V> fromMaster) {
        if (masterVersion != null && masterVersion.equals(localVersion)) {
            return false;
        }
        if (masterVersion != null) {
            localVersion.assignNewOne(masterVersion);
        }
        local.putAll(fromMaster);
        local.keySet().retainAll(fromMaster.keySet());
        return true;
    }
}
