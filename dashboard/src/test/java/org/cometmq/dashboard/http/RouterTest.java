package org.cometmq.dashboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router.Handler list = call -> HttpReply.ok();
    private final Router.Handler route = call -> HttpReply.ok();
    private final Router router = new Router().get("/api/topics", list).get("/api/topics/{topic}/route", route);

    @Test
    void bindsPathParametersDecoded() {
        Router.Match match = router.match("GET", "/api/topics/%25RETRY%25g1/route");
        assertSame(route, match.handler());
        assertEquals(Map.of("topic", "%RETRY%g1"), match.params());
    }

    @Test
    void keepsAPlusSignInAPathSegment() {
        assertEquals(Map.of("topic", "a+b"), router.match("GET", "/api/topics/a+b/route").params());
    }

    @Test
    void ignoresTrailingSlashes() {
        assertSame(list, router.match("GET", "/api/topics/").handler());
    }

    @Test
    void aKnownPathWithAnotherMethodIs405AndAnUnknownPath404() {
        Router.Match wrongMethod = router.match("DELETE", "/api/topics");
        assertFalse(wrongMethod.found());
        assertEquals(405, wrongMethod.status());
        assertEquals(404, router.match("GET", "/api/nothing").status());
        assertEquals(404, router.match("GET", "/api/topics/t/route/more").status());
    }
}
