package org.cometmq.test.acl;

import java.util.Map;

/** The Apache 4.9.7 client and tools against CometMQ's broker with ACL on. */
class AclOnCometClusterIT extends AclScenario {

    @Override
    protected AclCluster startCluster() {
        return AclCluster.comet("acl-comet", ACL_YAML, Map.of());
    }
}
