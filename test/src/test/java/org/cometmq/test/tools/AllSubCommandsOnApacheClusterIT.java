package org.cometmq.test.tools;

import org.cometmq.test.harness.OneBrokerCluster;

/** All 57 sub-commands of both mqadmins against an Apache 4.9.7 name server and broker. */
class AllSubCommandsOnApacheClusterIT extends AllSubCommandsScenario {

    @Override
    protected OneBrokerCluster startCluster() {
        return OneBrokerCluster.apache("all-commands", MqadminScenario.CLUSTER);
    }
}
