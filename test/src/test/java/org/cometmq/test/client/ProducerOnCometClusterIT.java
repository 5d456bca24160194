package org.cometmq.test.client;

import java.util.Map;

/** CometMQ's producer against CometMQ's name server and broker. */
class ProducerOnCometClusterIT extends ProducerScenario {

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.comet("producer-comet", Map.of());
    }
}
