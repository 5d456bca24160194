package org.cometmq.test.tools;

import org.cometmq.test.harness.OneBrokerCluster;

/** The maintenance sub-commands of both mqadmins against a CometMQ name server and broker. */
class MaintenanceCommandsOnCometClusterIT extends MaintenanceCommandsScenario {

    @Override
    protected OneBrokerCluster startCluster() {
        return OneBrokerCluster.comet("maint", MqadminScenario.CLUSTER);
    }

    @Override
    protected boolean cometBroker() {
        return true;
    }
}
