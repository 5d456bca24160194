package org.cometmq.tools.command.broker;

import org.cometmq.tools.admin.MQAdminExt;

/** {@code cleanExpiredCQ}: drops consume queue files whose messages the commit log no longer holds. */
public class CleanExpiredCQSubCommand extends StoreCleanupCommand {
    public CleanExpiredCQSubCommand() {
        super("cleanExpiredCQ", "Clean expired ConsumeQueue on broker.", "clustername");
    }

    @Override
    boolean onBroker(MQAdminExt admin, String addr) throws Exception {
        return admin.cleanExpiredConsumerQueueByAddr(addr);
    }

    @Override
    boolean onCluster(MQAdminExt admin, String cluster) throws Exception {
        return admin.cleanExpiredConsumerQueue(cluster);
    }
}
