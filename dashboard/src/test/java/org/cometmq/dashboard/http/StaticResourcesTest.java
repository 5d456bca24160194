package org.cometmq.dashboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StaticResourcesTest {
    private final StaticResources files = new StaticResources(StaticResourcesTest.class.getClassLoader());

    @Test
    void servesThePageItsScriptAndTheChartLibrary() throws Exception {
        HttpReply page = files.find("/");
        assertNotNull(page);
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("/ui/app.js"));
        assertEquals("text/javascript; charset=utf-8", files.find("/ui/app.js").contentType());
        assertNotNull(files.find("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js"), "uPlot from its webjar");
    }

    @Test
    void refusesPathsThatClimbOutOrNameNothing() throws Exception {
        assertNull(StaticResources.resourceFor("/ui/../../logback.xml"));
        assertNull(StaticResources.resourceFor("/webjars/..%2F..%2Fx"), "encoded dots stay dots in the name");
        assertNull(files.find("/ui/missing.js"));
        assertNull(files.find("/etc/passwd"));
    }
}
