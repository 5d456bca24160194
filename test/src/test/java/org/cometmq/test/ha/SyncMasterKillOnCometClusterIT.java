package org.cometmq.test.ha;

import java.util.Map;

/** Kill -9 of a CometMQ SYNC_MASTER; its CometMQ slave serves every acknowledged message. */
class SyncMasterKillOnCometClusterIT extends SyncMasterKillScenario {

    @Override
    protected HaCluster startCluster() {
        return HaCluster.start("ha-kill-comet", HaCluster.Kind.COMET, HaCluster.Kind.COMET, syncMasterSettings(),
            Map.of());
    }
}
