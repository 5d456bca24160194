package org.cometmq.test.dashboard;

import org.cometmq.test.harness.OneBrokerCluster;

/** The dashboard against a CometMQ name server and broker. */
class DashboardOnCometClusterIT extends DashboardScenario {
    @Override
    protected OneBrokerCluster startCluster() {
        return OneBrokerCluster.comet("dashboard", CLUSTER);
    }
}
