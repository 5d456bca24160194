package org.cometmq.tools.command.broker;

import org.cometmq.tools.admin.MQAdminExt;

/** {@code deleteExpiredCommitLog}: runs the broker's commit log expiry now instead of at its next scheduled time. */
public class DeleteExpiredCommitLogSubCommand extends StoreCleanupCommand {
    public DeleteExpiredCommitLogSubCommand() {
        super("deleteExpiredCommitLog", "Delete expired CommitLog files", "clustername");
    }

    @Override
    boolean onBroker(MQAdminExt admin, String addr) throws Exception {
        return admin.deleteExpiredCommitLogByAddr(addr);
    }

    @Override
    boolean onCluster(MQAdminExt admin, String cluster) throws Exception {
        return admin.deleteExpiredCommitLog(cluster);
    }
}
