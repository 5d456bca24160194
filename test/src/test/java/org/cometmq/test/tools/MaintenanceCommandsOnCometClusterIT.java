package org.cometmq.test.tools;

/** The maintenance sub-commands of both mqadmins against a CometMQ name server and broker. */
class MaintenanceCommandsOnCometClusterIT extends MaintenanceCommandsScenario {

    @Override
    protected MqadminScenario.Cluster startCluster() {
        return ToolsClusters.comet("maint");
    }

    @Override
    protected boolean cometBroker() {
        return true;
    }
}
