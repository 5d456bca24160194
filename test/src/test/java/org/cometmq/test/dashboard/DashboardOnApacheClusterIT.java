package org.cometmq.test.dashboard;

import org.cometmq.test.harness.OneBrokerCluster;

/** The dashboard against an Apache RocketMQ 4.9.7 name server and broker. */
class DashboardOnApacheClusterIT extends DashboardScenario {
    @Override
    protected OneBrokerCluster startCluster() {
        return OneBrokerCluster.apache("dashboard", CLUSTER);
    }
}
