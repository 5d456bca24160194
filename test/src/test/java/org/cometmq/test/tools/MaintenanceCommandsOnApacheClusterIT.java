package org.cometmq.test.tools;

import org.cometmq.test.harness.OneBrokerCluster;

/** The maintenance sub-commands of both mqadmins against an Apache 4.9.7 name server and broker. */
class MaintenanceCommandsOnApacheClusterIT extends MaintenanceCommandsScenario {

    @Override
    protected OneBrokerCluster startCluster() {
        return OneBrokerCluster.apache("maint", MqadminScenario.CLUSTER);
    }

    @Override
    protected boolean cometBroker() {
        return false;
    }
}
