package org.cometmq.test.client;

import java.util.Map;

/** CometMQ's producer against Apache 4.9.7's name server and broker. */
class ProducerOnApacheClusterIT extends ProducerScenario {

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.apache("producer-apache", Map.of());
    }
}
