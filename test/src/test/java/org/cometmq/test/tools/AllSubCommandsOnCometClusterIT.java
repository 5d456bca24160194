package org.cometmq.test.tools;

import org.cometmq.test.harness.OneBrokerCluster;

/** All 57 sub-commands of both mqadmins against a CometMQ name server and broker. */
class AllSubCommandsOnCometClusterIT extends AllSubCommandsScenario {

    @Override
    protected OneBrokerCluster startCluster() {
        return OneBrokerCluster.comet("all-commands", MqadminScenario.CLUSTER);
    }
}
