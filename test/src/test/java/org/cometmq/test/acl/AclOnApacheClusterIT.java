package org.cometmq.test.acl;

import java.util.Map;

/** Reference: the Apache 4.9.7 client and tools against Apache's broker with ACL on. */
class AclOnApacheClusterIT extends AclScenario {

    @Override
    protected AclCluster startCluster() {
        return AclCluster.apache("acl-apache", ACL_YAML, Map.of());
    }
}
