package org.cometmq.test.ha;

/** An Apache 4.9.7 slave replicating from a CometMQ master's HA port. */
class CometMasterApacheSlaveReplicationIT extends ReplicationInteropScenario {

    @Override
    protected HaCluster startCluster() {
        return HaCluster.start("ha-repl-cm-as", HaCluster.Kind.COMET, HaCluster.Kind.APACHE,
            SMALL_FILES, SMALL_FILES);
    }
}
