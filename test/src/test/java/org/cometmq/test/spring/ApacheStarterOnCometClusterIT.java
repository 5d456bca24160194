package org.cometmq.test.spring;

import java.util.Map;
import org.cometmq.test.client.ClientCluster;
import org.cometmq.test.spring.apache.ApacheSpringApp;

/** Apache's rocketmq-spring-boot-starter (on Apache's 4.9.7 client), unchanged, against CometMQ's cluster. */
class ApacheStarterOnCometClusterIT extends SpringStarterScenario {
    private static final String GROUP_PREFIX = "apache_on_comet";

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.comet("spring-apache-starter", Map.of("enablePropertyFilter", "true"));
    }

    @Override
    protected SpringApp startApp(String namesrvAddr) {
        return ApacheSpringApp.start(namesrvAddr, GROUP_PREFIX);
    }

    @Override
    protected String groupPrefix() {
        return GROUP_PREFIX;
    }
}
