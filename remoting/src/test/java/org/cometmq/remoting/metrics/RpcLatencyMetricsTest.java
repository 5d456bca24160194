package org.cometmq.remoting.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Exact histogram lines for known responses, by request and response code name. */
class RpcLatencyMetricsTest {
    /** Stand-ins for the request and response code holders. */
    public static final class Requests {
        public static final int SEND_MESSAGE_V2 = 310;
    }

    public static final class Responses {
        public static final int SUCCESS = 0;
        public static final int SYSTEM_BUSY = 2;
    }

    @Test
    void observesMillisByCodeNames() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        RpcLatencyMetrics metrics = new RpcLatencyMetrics(registry, Labels.of("cluster", "C"),
            CodeNames.of(Requests.class), CodeNames.of(Responses.class));
        metrics.onResponse(310, 0, 2_000_000);
        metrics.onResponse(310, 0, 500_000);
        metrics.onResponse(310, 2, 4_000_000_000L);
        metrics.onResponse(77, -1, 7_000_000);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        String page = out.toString(StandardCharsets.UTF_8);
        String ok = "cluster=\"C\",protocol_type=\"remoting\",request_code=\"send_message_v2\","
            + "response_code=\"success\"";
        assertLine(page, "rocketmq_rpc_latency_bucket{" + ok + ",le=\"1.0\"} 1");
        assertLine(page, "rocketmq_rpc_latency_bucket{" + ok + ",le=\"3.0\"} 2");
        assertLine(page, "rocketmq_rpc_latency_count{" + ok + "} 2");
        assertLine(page, "rocketmq_rpc_latency_sum{" + ok + "} 2.5");
        String busy = "cluster=\"C\",protocol_type=\"remoting\",request_code=\"send_message_v2\","
            + "response_code=\"system_busy\"";
        assertLine(page, "rocketmq_rpc_latency_bucket{" + busy + ",le=\"3000.0\"} 0");
        assertLine(page, "rocketmq_rpc_latency_bucket{" + busy + ",le=\"+Inf\"} 1");
        String unnamed = "cluster=\"C\",protocol_type=\"remoting\",request_code=\"77\",response_code=\"-1\"";
        assertLine(page, "rocketmq_rpc_latency_bucket{" + unnamed + ",le=\"10.0\"} 1");
        assertLine(page, "rocketmq_rpc_latency_sum{" + unnamed + "} 7.0");
    }

    private static void assertLine(String page, String line) {
        assertTrue(page.contains("\n" + line + "\n"), () -> "missing line " + line + " in\n" + page);
    }
}
