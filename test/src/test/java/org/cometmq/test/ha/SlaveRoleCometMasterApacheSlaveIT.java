package org.cometmq.test.ha;

/**
 * The slave role with a CometMQ master and an Apache 4.9.7 slave, which reads its master's topics on the VIP port
 * (listen port - 2).
 */
class SlaveRoleCometMasterApacheSlaveIT extends SlaveRoleScenario {

    @Override
    protected HaCluster startCluster() {
        return HaCluster.start("ha-cm-as", HaCluster.Kind.COMET, HaCluster.Kind.APACHE);
    }
}
