package org.cometmq.test.ha;

import java.util.Map;

/** The reference: kill -9 of an Apache 4.9.7 SYNC_MASTER with an Apache slave. */
class SyncMasterKillOnApacheClusterIT extends SyncMasterKillScenario {

    @Override
    protected HaCluster startCluster() {
        return HaCluster.start("ha-kill-apache", HaCluster.Kind.APACHE, HaCluster.Kind.APACHE, syncMasterSettings(),
            Map.of());
    }
}
