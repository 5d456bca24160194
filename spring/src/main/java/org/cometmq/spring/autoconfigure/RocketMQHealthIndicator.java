package org.cometmq.spring.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cometmq.common.namesrv.NameServerAddresses;
import org.cometmq.spring.core.RocketMQTemplate;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Up when at least one name server accepts a connection and every template's producer is started; the details
 * list each name server and each template's producer group and state.
 */
public class RocketMQHealthIndicator extends AbstractHealthIndicator {
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    private final String nameServer;
    private final Map<String, RocketMQTemplate> templates;

    /** Checks the name servers {@code nameServer} ({@code host:port;...}) and the producers of {@code templates}. */
    public RocketMQHealthIndicator(String nameServer, Map<String, RocketMQTemplate> templates) {
        super("RocketMQ health check failed");
        this.nameServer = nameServer;
        this.templates = templates;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> nameServers = new LinkedHashMap<>();
        boolean anyReachable = false;
        for (String address : NameServerAddresses.parse(nameServer)) {
            String problem = connectProblem(address);
            anyReachable |= problem == null;
            nameServers.put(address, problem == null ? "reachable" : "unreachable: " + problem);
        }
        Map<String, String> producers = new LinkedHashMap<>();
        boolean allStarted = true;
        for (Map.Entry<String, RocketMQTemplate> entry : templates.entrySet()) {
            RocketMQTemplate template = entry.getValue();
            if (template.getProducer() == null) {
                continue;
            }
            boolean started = template.isProducerStarted();
            allStarted &= started;
            producers.put(entry.getKey(), template.getProducer().getProducerGroup()
                + (started ? " (started)" : " (not started)"));
        }
        builder.status(anyReachable && allStarted ? "UP" : "DOWN")
            .withDetail("nameServers", nameServers).withDetail("producers", producers);
    }

    private static String connectProblem(String address) {
        int colon = address.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1))), CONNECT_TIMEOUT_MILLIS);
            return null;
        } catch (IOException | RuntimeException e) {
            return e.toString();
        }
    }
}
