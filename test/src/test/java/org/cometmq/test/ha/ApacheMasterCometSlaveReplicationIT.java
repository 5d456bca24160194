package org.cometmq.test.ha;

/** A CometMQ slave replicating from an Apache 4.9.7 master's HA port. */
class ApacheMasterCometSlaveReplicationIT extends ReplicationInteropScenario {

    @Override
    protected HaCluster startCluster() {
        return HaCluster.start("ha-repl-am-cs", HaCluster.Kind.APACHE, HaCluster.Kind.COMET,
            SMALL_FILES, SMALL_FILES);
    }
}
