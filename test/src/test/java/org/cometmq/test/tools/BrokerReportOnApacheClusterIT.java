package org.cometmq.test.tools;

import java.util.Set;
import org.cometmq.test.harness.OneBrokerCluster;

/** Apache 4.9.7's servers: their answers are the reference lists themselves. */
class BrokerReportOnApacheClusterIT extends BrokerReportScenario {

    @Override
    protected OneBrokerCluster startCluster() {
        return OneBrokerCluster.apache("report", CLUSTER);
    }

    @Override
    protected Set<String> extraBrokerConfigKeys() {
        return Set.of();
    }

    @Override
    protected Set<String> extraRuntimeKeys() {
        return Set.of();
    }

    @Override
    protected boolean refusesSettingsItDoesNotImplement() {
        return false;
    }
}
