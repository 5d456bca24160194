package org.cometmq.remoting.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LongKeyedTableTest {
    @Test
    void createsEachKeyOnceAndFindsItAfterGrowing() {
        LongKeyedTable<String> table = new LongKeyedTable<>();
        AtomicInteger created = new AtomicInteger();
        List<String> first = new ArrayList<>();
        // 100 keys force several doublings of the 16-slot table; negative and high-bit keys included
        for (long i = 0; i < 100; i++) {
            long key = (i << 32) | (-i & 0xFFFF_FFFFL);
            first.add(table.get(key, k -> created.incrementAndGet() + ":" + k));
        }
        for (long i = 0; i < 100; i++) {
            long key = (i << 32) | (-i & 0xFFFF_FFFFL);
            assertSame(first.get((int) i), table.get(key, k -> "again"));
        }
        assertEquals(100, created.get());
        assertEquals("1:0", first.get(0));
        assertEquals("3:" + ((2L << 32) | 0xFFFF_FFFEL), first.get(2));
    }

    @Test
    void racingThreadsGetTheSameValue() throws InterruptedException {
        LongKeyedTable<Object> table = new LongKeyedTable<>();
        AtomicInteger created = new AtomicInteger();
        Object[][] seen = new Object[4][50];
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int thread = t;
            threads[t] = new Thread(() -> {
                for (int key = 0; key < 50; key++) {
                    seen[thread][key] = table.get(key, k -> {
                        created.incrementAndGet();
                        return new Object();
                    });
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertEquals(50, created.get());
        for (int key = 0; key < 50; key++) {
            for (int t = 1; t < threads.length; t++) {
                assertSame(seen[0][key], seen[t][key]);
            }
        }
    }
}
