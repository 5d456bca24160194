package org.cometmq.tools.command.broker;

import org.cometmq.tools.admin.MQAdminExt;

/** {@code cleanUnusedTopic}: drops the consume queues of topics the broker no longer has a config for. */
public class CleanUnusedTopicCommand extends StoreCleanupCommand {
    public CleanUnusedTopicCommand() {
        super("cleanUnusedTopic", "Clean unused topic on broker.", "cluster name");
    }

    @Override
    boolean onBroker(MQAdminExt admin, String addr) throws Exception {
        return admin.cleanUnusedTopicByAddr(addr);
    }

    @Override
    boolean onCluster(MQAdminExt admin, String cluster) throws Exception {
        return admin.cleanUnusedTopic(cluster);
    }
}
