package org.cometmq.test.tools;

/** The operations and statistics sub-commands, CometMQ's and Apache 4.9.7's mqadmin, on a CometMQ cluster. */
class MqadminOpsOnCometClusterIT extends MqadminOpsScenario {

    @Override
    protected MqadminScenario.Cluster startCluster() {
        return new MqadminOnCometClusterIT().startCluster();
    }
}
