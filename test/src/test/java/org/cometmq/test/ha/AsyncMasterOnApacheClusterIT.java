package org.cometmq.test.ha;

import java.util.Map;

/** The reference: an Apache 4.9.7 ASYNC_MASTER and Apache slave through the same steps (its log is not ours). */
class AsyncMasterOnApacheClusterIT extends AsyncMasterScenario {

    @Override
    protected HaCluster startCluster() {
        return HaCluster.start("ha-async-apache", HaCluster.Kind.APACHE, HaCluster.Kind.APACHE, asyncMasterSettings(),
            Map.of());
    }

    @Override
    protected boolean checksCometStoreLog() {
        return false;
    }
}
