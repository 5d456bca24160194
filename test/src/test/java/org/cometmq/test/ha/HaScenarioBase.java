package org.cometmq.test.ha;

import java.time.Duration;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One master/slave group per IT class (subclasses pick the kinds and settings) with an Apache 4.9.7 admin, started
 * before the class's tests and stopped after them.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HaScenarioBase {
    static final Duration SYNC_BOUND = Duration.ofSeconds(35);

    protected HaCluster cluster;
    protected DefaultMQAdminExt admin;

    /** The master and slave under test, started once for the class. */
    protected abstract HaCluster startCluster();

    @BeforeAll
    void startClusterAndAdmin() throws Exception {
        cluster = startCluster();
        admin = ApacheClients.startedAdmin(cluster.namesrv().address());
    }

    /** Creates {@code topic} on the master, retried: on a loaded machine the admin's timeout can pass first. */
    void createTopicOnMaster(String topic, int queues) {
        Await.untilTrue("create " + topic, SYNC_BOUND, () -> {
            admin.createAndUpdateTopicConfig(cluster.masterAddr(), new TopicConfig(topic, queues, queues, 6));
            return true;
        });
    }

    /**
     * Waits for the slave's first commit-log file, which the master's first frame creates. A 4.9.7 slave reports its
     * offset only 5 s after connecting; before that a SYNC_MASTER answers SLAVE_NOT_AVAILABLE, and a first report
     * made later makes the master start at its last file, so the tests send only after this.
     */
    void awaitSlaveReplicating() {
        Await.untilTrue("the slave's first commit-log file", SYNC_BOUND,
            () -> ReplicationLoad.fileCount(cluster.slave().commitLogDir()) > 0);
    }

    @AfterAll
    void stopClusterAndAdmin() {
        try {
            if (admin != null) {
                admin.shutdown();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}
