package org.cometmq.test.consumer;

import org.cometmq.test.client.ClientCluster;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Every consumer scenario (the test interfaces it implements) against one cluster, started once for the class;
 * subclasses choose Apache 4.9.7's or CometMQ's servers. The broker runs with enablePropertyFilter=true for the
 * SQL92 scenario.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsumerScenarios implements PushScenarios, OrderlyScenarios, LitePullScenarios, RebalanceScenarios {

    static {
        // Broadcasting consumers keep offsets in local files: under the build folder, not the user's home.
        System.setProperty("rocketmq.client.localOffsetStoreDir",
            TestEnvironment.buildDir().resolve("comet-consumer-offsets").toString());
    }

    private ConsumerFixture fixture;

    /** The servers under test; the broker must get {@code enablePropertyFilter=true}. */
    protected abstract ClientCluster startCluster();

    @BeforeAll
    void startServers() throws Exception {
        fixture = ConsumerFixture.start(startCluster());
    }

    @AfterAll
    void stopServers() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Override
    public ConsumerFixture fixture() {
        return fixture;
    }
}
