package org.cometmq.test.spring;

import java.util.Map;
import org.cometmq.test.client.ClientCluster;
import org.cometmq.test.spring.comet.CometSpringApp;

/** CometMQ's starter (and client) against Apache 4.9.7's name server and broker. */
class CometStarterOnApacheClusterIT extends SpringStarterScenario {
    private static final String GROUP_PREFIX = "comet_on_apache";

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.apache("spring-apache", Map.of("enablePropertyFilter", "true"));
    }

    @Override
    protected SpringApp startApp(String namesrvAddr) {
        return CometSpringApp.start(namesrvAddr, GROUP_PREFIX);
    }

    @Override
    protected String groupPrefix() {
        return GROUP_PREFIX;
    }
}
