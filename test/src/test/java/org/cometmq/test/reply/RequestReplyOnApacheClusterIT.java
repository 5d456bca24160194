package org.cometmq.test.reply;

import java.util.Map;
import org.cometmq.test.client.ClientCluster;

/** Request-reply between Apache 4.9.7 and CometMQ clients through Apache's name server and broker (reference). */
class RequestReplyOnApacheClusterIT extends RequestReplyScenario {

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.apache("reply-apache", Map.of());
    }
}
