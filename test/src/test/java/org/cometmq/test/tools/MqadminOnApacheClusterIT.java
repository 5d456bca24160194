package org.cometmq.test.tools;

import org.cometmq.test.harness.OneBrokerCluster;

/** CometMQ's admin tools against an Apache 4.9.7 name server and broker. */
class MqadminOnApacheClusterIT extends MqadminScenario {

    @Override
    protected OneBrokerCluster startCluster() {
        return OneBrokerCluster.apache("tools", MqadminScenario.CLUSTER);
    }
}
