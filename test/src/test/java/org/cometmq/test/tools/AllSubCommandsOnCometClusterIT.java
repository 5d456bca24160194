package org.cometmq.test.tools;

import org.cometmq.test.harness.OneBrokerCluster;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** All 57 sub-commands of both mqadmins against a CometMQ name server and broker. */
@EnabledIfSystemProperty(named = "mqadmin.all", matches = "true",
    disabledReason = "57 commands x 2 CLIs take 5 minutes per cluster: run with -Dmqadmin.all=true")
class AllSubCommandsOnCometClusterIT extends AllSubCommandsScenario {

    @Override
    protected OneBrokerCluster startCluster() {
        return OneBrokerCluster.comet("all-commands", MqadminScenario.CLUSTER);
    }
}
