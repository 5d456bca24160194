package org.cometmq.test.consumer;

import java.util.Map;
import org.cometmq.test.client.ClientCluster;

/** CometMQ's push, orderly and lite pull consumers against CometMQ's name server and broker. */
class ConsumerOnCometClusterIT extends ConsumerScenarios {

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.comet("consumer-comet", Map.of("enablePropertyFilter", "true"));
    }
}
