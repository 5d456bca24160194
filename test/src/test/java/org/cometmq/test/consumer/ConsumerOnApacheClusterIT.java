package org.cometmq.test.consumer;

import java.util.Map;
import org.cometmq.test.client.ClientCluster;

/** CometMQ's push, orderly and lite pull consumers against Apache 4.9.7's name server and broker. */
class ConsumerOnApacheClusterIT extends ConsumerScenarios {

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.apache("consumer-apache", Map.of("enablePropertyFilter", "true"));
    }
}
