package org.cometmq.dashboard.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageBrowserTest {
    @Test
    void textBodiesStayTextAndBinaryOnesBecomeBase64() {
        Map<String, Object> text = new LinkedHashMap<>();
        MessageBrowser.putBody(text, "héllo".getBytes(StandardCharsets.UTF_8));
        assertEquals("héllo", text.get("body"));
        assertEquals("utf-8", text.get("bodyEncoding"));
        assertEquals(6, text.get("bodySize"));

        Map<String, Object> binary = new LinkedHashMap<>();
        MessageBrowser.putBody(binary, new byte[] {(byte) 0xff, 0x00, (byte) 0xfe});
        assertEquals("/wD+", binary.get("body"));
        assertEquals("base64", binary.get("bodyEncoding"));
    }

    @Test
    void theRuntimeInfoRateTripleGivesItsFirstFigure() {
        assertEquals(1234.5, ClusterView.firstNumber("1234.5 1000.0 900.25"));
        assertEquals(null, ClusterView.firstNumber("n/a"));
        assertEquals(null, ClusterView.firstNumber(null));
    }

    @Test
    void topicKindsFollowTheirPrefixes() {
        assertEquals("RETRY", TopicAdmin.kindOf("%RETRY%g"));
        assertEquals("DLQ", TopicAdmin.kindOf("%DLQ%g"));
        assertEquals("SYSTEM", TopicAdmin.kindOf("TBW102"));
        assertEquals("SYSTEM", TopicAdmin.kindOf("RMQ_SYS_TRACE_TOPIC"));
        assertEquals("NORMAL", TopicAdmin.kindOf("Orders"));
    }
}
