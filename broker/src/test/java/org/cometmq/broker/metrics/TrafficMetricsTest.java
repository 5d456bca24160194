package org.cometmq.broker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.cometmq.broker.stats.TrafficObserver.MessageType;
import org.junit.jupiter.api.Test;

/** Exact counter lines for a known sequence of puts, pulls and dead letters. */
class TrafficMetricsTest {
    private static final Labels NODE = Labels.of("cluster", "C", "node_type", "broker", "node_id", "b1");

    private static String page(PrometheusRegistry registry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void countsByTopicTypeAndGroup() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        PullOffsets pulls = new PullOffsets();
        TrafficMetrics metrics = new TrafficMetrics(registry, NODE, pulls);
        metrics.messagesIn("T", MessageType.NORMAL, 1, 200);
        metrics.messagesIn("T", MessageType.NORMAL, 3, 600);
        metrics.messagesIn("T", MessageType.DELAY, 2, 5000);
        metrics.messagesOut("g", "T", 1, 4, 800, 4);
        metrics.messagesOut("g", "%RETRY%g", 0, 2, 300, 2);
        metrics.sentToDlq("g", "T");

        String page = page(registry);
        String in = "cluster=\"C\",is_system=\"false\",message_type=\"%s\",node_id=\"b1\",node_type=\"broker\","
            + "topic=\"T\"";
        String normal = String.format(in, "normal");
        String delay = String.format(in, "delay");
        assertLine(page, "rocketmq_messages_in_total{" + normal + "} 4.0");
        assertLine(page, "rocketmq_throughput_in_total{" + normal + "} 800.0");
        assertLine(page, "rocketmq_messages_in_total{" + delay + "} 2.0");
        assertLine(page, "rocketmq_throughput_in_total{" + delay + "} 5000.0");
        assertLine(page, "rocketmq_message_size_bucket{" + delay + ",le=\"1024.0\"} 0");
        assertLine(page, "rocketmq_message_size_bucket{" + delay + ",le=\"4096.0\"} 2");
        assertLine(page, "rocketmq_message_size_count{" + normal + "} 4");
        assertLine(page, "rocketmq_message_size_sum{" + normal + "} 800.0");
        String out = "cluster=\"C\",consumer_group=\"g\",is_system=\"false\",node_id=\"b1\",node_type=\"broker\","
            + "topic=\"T\"";
        assertLine(page, "rocketmq_messages_out_total{" + out + "} 4.0");
        assertLine(page, "rocketmq_throughput_out_total{" + out + "} 800.0");
        assertFalse(page.contains("topic=\"%RETRY%g\""), "a pull from a retry topic is not counted as out");
        assertLine(page, "rocketmq_send_to_dlq_messages_total{" + out + "} 1.0");
        assertEquals(4, pulls.get("g", "T", 1));
        assertEquals(2, pulls.get("g", "%RETRY%g", 0));
    }

    private static void assertLine(String page, String line) {
        assertEquals(true, page.lines().anyMatch(line::equals), () -> "missing line\n" + line + "\nin\n" + page);
    }
}
