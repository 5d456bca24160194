package org.cometmq.test.fidelity;

import org.cometmq.test.client.ClientCluster;

/** The store and broker fidelity checks against CometMQ's name server and broker. */
class StoreFidelityOnCometClusterIT extends StoreFidelityScenario {

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.comet("store-fidelity-comet", BROKER_SETTINGS);
    }
}
