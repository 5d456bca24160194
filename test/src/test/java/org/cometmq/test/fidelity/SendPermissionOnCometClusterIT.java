package org.cometmq.test.fidelity;

import java.util.Map;
import org.cometmq.test.client.ClientCluster;

/** The send permission scenario against CometMQ's name server and broker. */
class SendPermissionOnCometClusterIT extends SendPermissionScenario {

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.comet("fidelity-perm-comet", Map.of());
    }
}
