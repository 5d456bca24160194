package org.cometmq.dashboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardHandlerTest {
    private final Router router = new Router()
        .get("/api/topics", call -> HttpReply.json(List.of("a")))
        .post("/api/topics", call -> HttpReply.json(Map.of("topic", HttpCall.requiredField(call.jsonBody(), "topic"))))
        .get("/api/fail", call -> {
            throw new IllegalStateException("broker said no");
        });
    private final StaticResources files = new StaticResources(getClass().getClassLoader());

    private static HttpCall call(String method, String path, String body, Map<String, String> cookies) {
        return new HttpCall(method, path, Map.of(), cookies, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(HttpReply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    @Test
    void withALoginTheApiNeedsTheSessionCookieButThePageDoesNot() throws Exception {
        SessionGuard guard = new SessionGuard("admin", "pw", 60_000, Clock.systemUTC());
        DashboardHandler handler = new DashboardHandler(router, files, guard, false);

        assertEquals(401, handler.answer(call("GET", "/api/topics", "", Map.of())).status());
        assertEquals(200, handler.answer(call("GET", "/", "", Map.of())).status());
        assertEquals(401, handler.answer(call("POST", "/api/login", "{\"user\":\"admin\",\"password\":\"x\"}",
            Map.of())).status());

        HttpReply login = handler.answer(call("POST", "/api/login", "{\"user\":\"admin\",\"password\":\"pw\"}",
            Map.of()));
        String cookie = login.headers().get("Set-Cookie");
        assertTrue(cookie.startsWith(SessionGuard.COOKIE + "=") && cookie.contains("HttpOnly"), cookie);
        String token = cookie.substring(SessionGuard.COOKIE.length() + 1, cookie.indexOf(';'));
        HttpReply topics = handler.answer(call("GET", "/api/topics", "", Map.of(SessionGuard.COOKIE, token)));
        assertEquals(200, topics.status());
        assertEquals("[\"a\"]", text(topics));
    }

    @Test
    void readOnlyModeRefusesEveryChangeAndStillReads() throws Exception {
        DashboardHandler handler = new DashboardHandler(router, files,
            new SessionGuard(null, null, 60_000, Clock.systemUTC()), true);
        HttpReply refused = handler.answer(call("POST", "/api/topics", "{\"topic\":\"t\"}", Map.of()));
        assertEquals(403, refused.status());
        assertEquals("{\"error\":\"the dashboard runs in read-only mode\"}", text(refused));
        assertEquals(200, handler.answer(call("GET", "/api/topics", "", Map.of())).status());
        assertEquals("{\"loginRequired\":false,\"loggedIn\":true,\"readOnly\":true}",
            text(handler.answer(call("GET", "/api/session", "", Map.of()))).replace(" ", ""));
    }

    @Test
    void badInputIs400UnknownRoutes404AndFailuresCarryTheirMessage() throws Exception {
        DashboardHandler handler = new DashboardHandler(router, files,
            new SessionGuard(null, null, 60_000, Clock.systemUTC()), false);
        HttpReply missing = handler.answer(call("POST", "/api/topics", "{}", Map.of()));
        assertEquals(400, missing.status());
        assertEquals("{\"error\":\"field 'topic' is required\"}", text(missing));
        assertEquals(400, handler.answer(call("POST", "/api/topics", "not json", Map.of())).status());
        assertEquals(404, handler.answer(call("GET", "/api/nothing", "", Map.of())).status());
        assertEquals(405, handler.answer(call("DELETE", "/api/topics", "", Map.of())).status());
        HttpReply failure = handler.answer(call("GET", "/api/fail", "", Map.of()));
        assertEquals(500, failure.status());
        assertEquals("{\"error\":\"broker said no\"}", text(failure));
    }
}
