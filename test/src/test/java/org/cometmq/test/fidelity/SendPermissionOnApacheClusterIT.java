package org.cometmq.test.fidelity;

import java.util.Map;
import org.cometmq.test.client.ClientCluster;

/** The send permission scenario against Apache 4.9.7's name server and broker: the reference. */
class SendPermissionOnApacheClusterIT extends SendPermissionScenario {

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.apache("fidelity-perm-apache", Map.of());
    }
}
