package org.cometmq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometmq.common.ServiceThread;
import org.junit.jupiter.api.Test;

class ServiceThreadTest {

    /** Counts loop turns; each turn waits up to a minute unless woken. */
    static final class Counting extends ServiceThread {
        final AtomicInteger turns = new AtomicInteger();
        final AtomicInteger waitEnds = new AtomicInteger();
        final CountDownLatch firstTurn = new CountDownLatch(1);

        @Override
        public String getServiceName() {
            return "CountingService";
        }

        @Override
        protected void onWaitEnd() {
            waitEnds.incrementAndGet();
        }

        @Override
        public void run() {
            while (!isStopped()) {
                waitForRunning(60_000);
                turns.incrementAndGet();
                firstTurn.countDown();
            }
        }
    }

    @Test
    void wakeupEndsTheWaitAndIsRememberedWhileBusy() throws Exception {
        Counting service = new Counting();
        service.wakeup();
        service.start();
        assertTrue(service.firstTurn.await(5, TimeUnit.SECONDS), "a wake-up before the wait is not lost");
        assertEquals("CountingService", service.getThread().getName());
        int before = service.turns.get();
        service.wakeup();
        assertTrue(StoreTestSupport.await(() -> service.turns.get() > before, 5000));
        long begin = System.currentTimeMillis();
        service.shutdown();
        assertTrue(System.currentTimeMillis() - begin < 5000, "shutdown wakes the thread and joins it");
        assertFalse(service.getThread().isAlive());
        assertTrue(service.isStopped());
        assertTrue(service.waitEnds.get() >= 2);
    }

    @Test
    void waitTimesOutWithoutWakeup() throws Exception {
        ServiceThread service = new ServiceThread() {
            @Override
            public String getServiceName() {
                return "TimedService";
            }

            @Override
            public void run() {
                long begin = System.nanoTime();
                waitForRunning(50);
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
                if (waited >= 45) {
                    makeStop();
                }
            }
        };
        service.start();
        service.getThread().join(5000);
        assertTrue(service.isStopped(), "waited its full interval");
        service.shutdown();
    }
}
