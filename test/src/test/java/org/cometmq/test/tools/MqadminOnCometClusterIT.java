package org.cometmq.test.tools;

/** CometMQ's admin tools, and Apache 4.9.7's mqadmin as the reference, against a CometMQ name server and broker. */
class MqadminOnCometClusterIT extends MqadminScenario {

    @Override
    protected Cluster startCluster() {
        return ToolsClusters.comet("tools");
    }
}
