package org.cometmq.test.ha;

/** The slave role with an Apache 4.9.7 master and a CometMQ slave. */
class SlaveRoleApacheMasterCometSlaveIT extends SlaveRoleScenario {

    @Override
    protected HaCluster startCluster() {
        return HaCluster.start("ha-am-cs", HaCluster.Kind.APACHE, HaCluster.Kind.COMET);
    }
}
