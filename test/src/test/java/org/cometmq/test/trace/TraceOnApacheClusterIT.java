package org.cometmq.test.trace;

import org.cometmq.test.client.ClientCluster;

/** Message trace against Apache 4.9.7's name server and broker. */
class TraceOnApacheClusterIT extends TraceScenario {

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.apache("trace-apache", BROKER_SETTINGS);
    }
}
