package org.cometmq.common.filter.sql92;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExpressionCacheTest {

    @Test
    void sameKeyReturnsTheSameCompiledExpression() throws FilterException {
        ExpressionCache cache = new ExpressionCache();
        Sql92Expression first = cache.get("g", "t", 1L, "a > 5");
        assertSame(first, cache.get("g", "t", 1L, "a > 5"));
        assertEquals(1, cache.size());
    }

    @Test
    void newVersionOrNewTextCompilesAgain() throws FilterException {
        ExpressionCache cache = new ExpressionCache();
        Sql92Expression v1 = cache.get("g", "t", 1L, "a > 5");
        Sql92Expression v2 = cache.get("g", "t", 2L, "a > 6");
        assertNotSame(v1, v2);
        assertEquals("a > 6", v2.getExpression());
        assertEquals(2, cache.size());
        Sql92Expression changed = cache.get("g", "t", 1L, "a > 7");
        assertEquals("a > 7", changed.getExpression());
        assertSame(changed, cache.get("g", "t", 1L, "a > 7"));
        assertEquals(2, cache.size());
    }

    @Test
    void groupsAndTopicsAreSeparateKeys() throws FilterException {
        ExpressionCache cache = new ExpressionCache();
        Sql92Expression g1 = cache.get("g1", "t", 1L, "a > 5");
        Sql92Expression g2 = cache.get("g2", "t", 1L, "a > 5");
        Sql92Expression t2 = cache.get("g1", "t2", 1L, "a > 5");
        assertNotSame(g1, g2);
        assertNotSame(g1, t2);
        assertEquals(3, cache.size());
    }

    @Test
    void leastRecentlyUsedIsEvictedBeyondTheBound() throws FilterException {
        ExpressionCache cache = new ExpressionCache(3);
        Sql92Expression k1 = cache.get("g", "t", 1L, "a = 1");
        cache.get("g", "t", 2L, "a = 2");
        cache.get("g", "t", 3L, "a = 3");
        assertSame(k1, cache.get("g", "t", 1L, "a = 1"));
        cache.get("g", "t", 4L, "a = 4");
        assertEquals(3, cache.size());
        assertSame(k1, cache.get("g", "t", 1L, "a = 1"));
        Sql92Expression k2Again = cache.get("g", "t", 2L, "a = 2");
        assertEquals("a = 2", k2Again.getExpression());
        assertEquals(3, cache.size());
        for (long v = 10; v < 20; v++) {
            cache.get("g", "t", v, "a = " + v);
        }
        assertEquals(3, cache.size());
        assertNotSame(k1, cache.get("g", "t", 1L, "a = 1"));
    }

    @Test
    void compileFailuresAreCachedAndRethrown() {
        ExpressionCache cache = new ExpressionCache();
        FilterException first = assertThrows(FilterException.class, () -> cache.get("g", "t", 1L, "a >"));
        FilterException second = assertThrows(FilterException.class, () -> cache.get("g", "t", 1L, "a >"));
        assertEquals("Syntax error at column 4: expected an expression but found end of input in 'a >'",
            second.getMessage());
        assertSame(first, second);
        assertEquals(1, cache.size());
        assertThrows(FilterException.class, () -> cache.get("g", "t", 2L, null));
        assertEquals(2, cache.size());
    }

    @Test
    void invalidateDropsEveryVersionOfOneSubscription() throws FilterException {
        ExpressionCache cache = new ExpressionCache();
        cache.get("g", "t", 1L, "a = 1");
        cache.get("g", "t", 2L, "a = 2");
        cache.get("g", "other", 1L, "a = 1");
        cache.get("h", "t", 1L, "a = 1");
        cache.invalidate("g", "t");
        assertEquals(2, cache.size());
        cache.clear();
        assertEquals(0, cache.size());
    }

    @Test
    void rejectsANonPositiveBound() {
        assertEquals("maxEntries must be at least 1, got 0",
            assertThrows(IllegalArgumentException.class, () -> new ExpressionCache(0)).getMessage());
    }

    @Test
    void concurrentLookupsStayBoundedAndConsistent() throws Exception {
        ExpressionCache cache = new ExpressionCache(16);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int matched = 0;
                    for (int i = 0; i < 2_000; i++) {
                        long version = i % 32;
                        Sql92Expression e = cache.get("g", "t", version, "a = " + version);
                        matched += e.matches(name -> Long.toString(version)) ? 1 : 0;
                    }
                    return matched;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(2_000, result.get(30, TimeUnit.SECONDS));
            }
            assertEquals(16, cache.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
