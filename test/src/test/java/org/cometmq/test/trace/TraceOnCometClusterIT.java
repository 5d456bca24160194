package org.cometmq.test.trace;

import org.cometmq.test.client.ClientCluster;

/** Message trace against CometMQ's name server and broker. */
class TraceOnCometClusterIT extends TraceScenario {

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.comet("trace-comet", BROKER_SETTINGS);
    }
}
