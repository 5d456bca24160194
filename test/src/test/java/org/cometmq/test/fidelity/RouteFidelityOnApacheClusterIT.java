package org.cometmq.test.fidelity;

import java.util.Map;
import org.cometmq.test.client.ClientCluster;

/** The route and error-text scenario against Apache 4.9.7's name server and broker: the reference. */
class RouteFidelityOnApacheClusterIT extends RouteFidelityScenario {

    @Override
    protected ClientCluster startCluster(Map<String, String> brokerSettings) {
        return ClientCluster.apache("fidelity-route-apache", brokerSettings);
    }
}
