package org.cometmq.test.fidelity;

import org.cometmq.test.client.ClientCluster;

/** The store and broker fidelity checks against Apache 4.9.7's name server and broker: the reference. */
class StoreFidelityOnApacheClusterIT extends StoreFidelityScenario {

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.apache("store-fidelity-apache", BROKER_SETTINGS);
    }
}
