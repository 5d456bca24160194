package org.cometmq.test.fidelity;

import java.util.Map;
import org.cometmq.test.client.ClientCluster;

/** The route and error-text scenario against CometMQ's name server and broker. */
class RouteFidelityOnCometClusterIT extends RouteFidelityScenario {

    @Override
    protected ClientCluster startCluster(Map<String, String> brokerSettings) {
        return ClientCluster.comet("fidelity-route-comet", brokerSettings);
    }
}
