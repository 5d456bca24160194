package org.cometmq.store.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.StoreTestSupport;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.Test;

/** A SYNC_MASTER put waits for a slave's acknowledgement; without a usable slave it fails as 4.9.7 does. */
class SyncMasterTest extends MasterSlaveTestBase {

    private static final int SLAVE_TIMEOUT = 3000;

    private static PutMessageStatus status(CompletableFuture<PutMessageResult> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS).getPutMessageStatus();
    }

    @Test
    void putsWaitForAConnectedSlaveAndFailAtOnceWithoutOne() throws Exception {
        master = HATestSupport.open(dir.resolve("master"), BrokerRole.SYNC_MASTER, c -> { });
        long before = master.getMaxPhyOffset();
        assertEquals(PutMessageStatus.SLAVE_NOT_AVAILABLE, master.putMessage(HATestSupport.message(0))
            .getPutMessageStatus());
        assertTrue(master.getMaxPhyOffset() > before, "the message is stored on the master all the same");

        String address = HATestSupport.haAddress(master);
        slave = HATestSupport.open(dir.resolve("slave"), BrokerRole.SLAVE, c -> c.setHaMasterAddress(address));
        assertTrue(StoreTestSupport.await(() -> slave.getMaxPhyOffset() == master.getMaxPhyOffset(), 10_000));
        for (int i = 1; i <= 50; i++) {
            assertEquals(PutMessageStatus.PUT_OK, master.putMessage(HATestSupport.message(i)).getPutMessageStatus());
        }
        assertEquals(0, master.slaveFallBehindMuch(), "every acknowledged put reached the slave");

        slave.shutdown();
        slave = null;
        assertTrue(StoreTestSupport.await(() -> master.getHaService().getConnectionCount().get() == 0, 10_000));
        assertEquals(PutMessageStatus.SLAVE_NOT_AVAILABLE, master.putMessage(HATestSupport.message(51))
            .getPutMessageStatus());
        assertTrue(master.slaveFallBehindMuch() > 0);
    }

    @Test
    void aSilentSlaveTimesPutsOutAndALaggingOneIsNotAvailable() throws Exception {
        ManualClock clock = new ManualClock(1_000_000);
        master = HATestSupport.open(dir.resolve("master"), BrokerRole.SYNC_MASTER, clock, c -> {
            c.setSlaveTimeout(SLAVE_TIMEOUT);
            c.setHaSlaveFallbehindMax(2000);
        });
        try (FakeHAPeer fakeSlave = FakeHAPeer.slave(master.getHaService().getLocalPort())) {
            fakeSlave.sendReport(0);
            assertTrue(StoreTestSupport.await(() -> master.getHaService().getConnectionCount().get() == 1, 10_000));

            CompletableFuture<PutMessageResult> waiting = master.asyncPutMessage(HATestSupport.message(0));
            assertFalse(waiting.isDone(), "the put waits for the slave");
            clock.advance(SLAVE_TIMEOUT + 1);
            assertEquals(PutMessageStatus.FLUSH_SLAVE_TIMEOUT, status(waiting));

            List<CompletableFuture<PutMessageResult>> pending = new ArrayList<>();
            CompletableFuture<PutMessageResult> refused = null;
            for (int i = 1; i < 100 && refused == null; i++) {
                CompletableFuture<PutMessageResult> put = master.asyncPutMessage(HATestSupport.message(i));
                if (put.isDone() && put.join().getPutMessageStatus() == PutMessageStatus.SLAVE_NOT_AVAILABLE) {
                    refused = put;
                } else {
                    pending.add(put);
                }
            }
            assertTrue(refused != null, "a slave more than haSlaveFallbehindMax behind must count as unavailable");
            assertTrue(master.slaveFallBehindMuch() >= 2000);
            clock.advance(SLAVE_TIMEOUT + 1);
            for (CompletableFuture<PutMessageResult> put : pending) {
                assertEquals(PutMessageStatus.FLUSH_SLAVE_TIMEOUT, status(put));
            }

            fakeSlave.sendReport(master.getMaxPhyOffset());
            long caughtUp = master.getMaxPhyOffset();
            assertTrue(StoreTestSupport.await(
                () -> master.getHaService().getPush2SlaveMaxOffset().get() == caughtUp, 10_000));
            CompletableFuture<PutMessageResult> acknowledged = master.asyncPutMessage(HATestSupport.message(200));
            fakeSlave.sendReport(master.getMaxPhyOffset());
            assertEquals(PutMessageStatus.PUT_OK, status(acknowledged), "an acknowledgement releases the put");
        }
    }
}
