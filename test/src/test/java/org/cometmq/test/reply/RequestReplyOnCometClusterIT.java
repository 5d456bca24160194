package org.cometmq.test.reply;

import java.util.Map;
import org.cometmq.test.client.ClientCluster;

/** Request-reply between Apache 4.9.7 and CometMQ clients through CometMQ's name server and broker. */
class RequestReplyOnCometClusterIT extends RequestReplyScenario {

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.comet("reply-comet", Map.of());
    }
}
