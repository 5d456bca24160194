package org.cometmq.test.ha;

import java.util.Map;

/** A CometMQ ASYNC_MASTER and CometMQ slave through a graceful stop, a kill -9 and two restarts of the master. */
class AsyncMasterOnCometClusterIT extends AsyncMasterScenario {

    @Override
    protected HaCluster startCluster() {
        return HaCluster.start("ha-async-comet", HaCluster.Kind.COMET, HaCluster.Kind.COMET, asyncMasterSettings(),
            Map.of());
    }

    @Override
    protected boolean checksCometStoreLog() {
        return true;
    }
}
