package org.cometmq.test.tools;

import org.cometmq.test.harness.OneBrokerCluster;

/** The operations and statistics sub-commands, CometMQ's and Apache 4.9.7's mqadmin, on an Apache 4.9.7 cluster. */
class MqadminOpsOnApacheClusterIT extends MqadminOpsScenario {

    @Override
    protected OneBrokerCluster startCluster() {
        return OneBrokerCluster.apache("ops", MqadminScenario.CLUSTER);
    }
}
