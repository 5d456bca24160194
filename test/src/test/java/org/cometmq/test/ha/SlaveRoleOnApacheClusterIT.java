package org.cometmq.test.ha;

/** The slave role with Apache 4.9.7 master and slave (the reference). */
class SlaveRoleOnApacheClusterIT extends SlaveRoleScenario {

    @Override
    protected HaCluster startCluster() {
        return HaCluster.start("ha-apache", HaCluster.Kind.APACHE, HaCluster.Kind.APACHE);
    }
}
