package org.cometmq.spring.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class RocketMQHealthIndicatorTest {

    @Test
    void upWhenANameServerAnswersAndNoProducerIsStopped() throws Exception {
        try (ServerSocket namesrv = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + namesrv.getLocalPort();
            Health health = new RocketMQHealthIndicator("127.0.0.1:1;" + address, Map.of()).health();
            assertEquals(Status.UP, health.getStatus());
            assertEquals("reachable", ((Map<?, ?>) health.getDetails().get("nameServers")).get(address));
        }
    }

    @Test
    void downWhenNoNameServerAnswers() {
        assertEquals(Status.DOWN, new RocketMQHealthIndicator("127.0.0.1:1", Map.of()).health().getStatus());
    }

    @Test
    void downWhenATemplatesProducerIsNotStarted() throws Exception {
        RocketMQTemplate template = new RocketMQTemplate();
        template.setProducer(new DefaultMQProducer("health_group"));
        try (ServerSocket namesrv = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Health health = new RocketMQHealthIndicator("127.0.0.1:" + namesrv.getLocalPort(),
                Map.of("rocketMQTemplate", template)).health();
            assertEquals(Status.DOWN, health.getStatus());
            assertEquals("health_group (not started)",
                ((Map<?, ?>) health.getDetails().get("producers")).get("rocketMQTemplate"));
        }
    }
}
