package org.cometmq.test.tools;

import org.cometmq.test.harness.OneBrokerCluster;

/** CometMQ's admin tools, and Apache 4.9.7's mqadmin as the reference, against a CometMQ name server and broker. */
class MqadminOnCometClusterIT extends MqadminScenario {

    @Override
    protected OneBrokerCluster startCluster() {
        return OneBrokerCluster.comet("tools", MqadminScenario.CLUSTER);
    }
}
