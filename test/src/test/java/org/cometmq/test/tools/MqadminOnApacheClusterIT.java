package org.cometmq.test.tools;

/** CometMQ's admin tools against an Apache 4.9.7 name server and broker. */
class MqadminOnApacheClusterIT extends MqadminScenario {

    @Override
    protected Cluster startCluster() {
        return ToolsClusters.apache("tools");
    }
}
