package org.cometmq.tools.command.broker;

import org.cometmq.tools.admin.MQAdminExt;

/** {@code cleanExpiredCQ}: drops consume queue files whose messages the commit log no longer holds. */
public class CleanExpiredCQSubCommand extends StoreCleanupCommand {
    public CleanExpiredCQSubCommand() {
        super("clustername");
    }

    @Override
    public String commandName() {
        return "cleanExpiredCQ";
    }

    @Override
    public String commandDesc() {
        return "Clean expired ConsumeQueue on broker.";
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
