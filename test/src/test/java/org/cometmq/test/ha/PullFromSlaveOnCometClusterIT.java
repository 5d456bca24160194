package org.cometmq.test.ha;

/** Pull-from-slave advice with a CometMQ master and slave. */
class PullFromSlaveOnCometClusterIT extends PullFromSlaveScenario {

    @Override
    protected HaCluster startCluster() {
        return HaCluster.start("ha-pull-comet", HaCluster.Kind.COMET, HaCluster.Kind.COMET, slowConsumerSettings(),
            slowConsumerSettings());
    }
}
