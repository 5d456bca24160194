package org.cometmq.test.spring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.cometmq.spring.autoconfigure.RocketMQAutoConfiguration;
import org.cometmq.test.client.ClientCluster;
import org.cometmq.test.spring.comet.CometSpringApp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** CometMQ's starter against CometMQ's cluster; also: a bad property fails the start, naming the property. */
class CometStarterOnCometClusterIT extends SpringStarterScenario {
    private static final String GROUP_PREFIX = "comet_on_comet";

    @Override
    protected ClientCluster startCluster() {
        return ClientCluster.comet("spring-comet", Map.of("enablePropertyFilter", "true"));
    }

    @Override
    protected SpringApp startApp(String namesrvAddr) {
        return CometSpringApp.start(namesrvAddr, GROUP_PREFIX);
    }

    @Override
    protected String groupPrefix() {
        return GROUP_PREFIX;
    }

    @Test
    void aBadPropertyFailsTheStartNamingIt() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class))
            .withPropertyValues("rocketmq.name-server=" + cluster().namesrvAddr(), "rocketmq.producer.group=bad",
                "rocketmq.producer.send-message-timeout=-1")
            .run(context -> {
                Throwable failure = context.getStartupFailure();
                assertTrue(failure != null, "the context must not start");
                assertTrue(rootCause(failure).getMessage().contains("rocketmq.producer.send-message-timeout"),
                    rootCause(failure).getMessage());
            });
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
