package org.cometmq.test.ha;

/** The reference: pull-from-slave advice with an Apache 4.9.7 master and slave. */
class PullFromSlaveOnApacheClusterIT extends PullFromSlaveScenario {

    @Override
    protected HaCluster startCluster() {
        return HaCluster.start("ha-pull-apache", HaCluster.Kind.APACHE, HaCluster.Kind.APACHE,
            slowConsumerSettings(), slowConsumerSettings());
    }
}
