package org.cometmq.test.ha;

/** The slave role with CometMQ master and slave. */
class SlaveRoleOnCometClusterIT extends SlaveRoleScenario {

    @Override
    protected HaCluster startCluster() {
        return HaCluster.start("ha-comet", HaCluster.Kind.COMET, HaCluster.Kind.COMET);
    }
}
