package org.cometmq.test.tools;

/** The maintenance sub-commands of both mqadmins against an Apache 4.9.7 name server and broker. */
class MaintenanceCommandsOnApacheClusterIT extends MaintenanceCommandsScenario {

    @Override
    protected MqadminScenario.Cluster startCluster() {
        return ToolsClusters.apache("maint");
    }

    @Override
    protected boolean cometBroker() {
        return false;
    }
}
