package org.cometmq.store.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cometmq.store.DefaultMessageStore;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.StoreTestSupport;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.Test;

/** A slave facing a master that sends the wrong offset, or that holds less than the slave. */
class ReplicationFaultTest extends MasterSlaveTestBase {

    /** The first {@code count} messages' commit-log bytes, as a master wrote them. */
    private byte[] commitLogBytes(int count) throws Exception {
        DefaultMessageStore source = HATestSupport.open(dir.resolve("source"), BrokerRole.ASYNC_MASTER, c -> { });
        try {
            for (int i = 0; i < count; i++) {
                source.putMessage(HATestSupport.message(i));
            }
            SelectMappedBufferResult data = source.getCommitLogData(0);
            byte[] bytes = new byte[data.getSize()];
            data.getByteBuffer().get(bytes);
            data.release();
            return bytes;
        } finally {
            source.shutdown();
        }
    }

    @Test
    void aFrameAtTheWrongOffsetIsRefusedAndTheConnectionReset() throws Exception {
        byte[] data = commitLogBytes(10);
        try (FakeHAPeer fakeMaster = FakeHAPeer.master()) {
            String address = fakeMaster.address();
            slave = HATestSupport.open(dir.resolve("slave"), BrokerRole.SLAVE, c -> c.setHaMasterAddress(address));
            fakeMaster.accept();
            assertEquals(0, fakeMaster.readReport(), "an empty slave reports 0 at once");
            fakeMaster.sendFrame(0, data);
            assertTrue(fakeMaster.awaitReport(data.length), "the slave acknowledges the frame");

            fakeMaster.sendFrame(data.length + 100, new byte[10]);
            assertTrue(fakeMaster.awaitClose(), "the slave closes the connection on a frame past its end");
            assertEquals(data.length, slave.getMaxPhyOffset(), "nothing of the wrong frame was appended");

            fakeMaster.accept();
            assertEquals(data.length, fakeMaster.readReport(), "the slave reconnects and resumes from its end");
            assertFalse(slave.getHaService().getHAClient().isDiverged());
            assertTrue(StoreTestSupport.await(() -> slave.getMaxOffsetInQueue("T", 1) == 3, 10_000),
                "the replicated messages are dispatched into the consume queues");
        }
    }

    @Test
    void aSilentMasterIsLeftAndConnectedAgain() throws Exception {
        ManualClock clock = new ManualClock(1_000_000);
        try (FakeHAPeer fakeMaster = FakeHAPeer.master()) {
            String address = fakeMaster.address();
            slave = HATestSupport.open(dir.resolve("slave"), BrokerRole.SLAVE, clock,
                c -> c.setHaMasterAddress(address));
            fakeMaster.accept();
            assertEquals(0, fakeMaster.readReport());
            clock.advance(slave.getMessageStoreConfig().getHaHousekeepingInterval() + 1);
            assertTrue(fakeMaster.awaitClose(), "the slave leaves a master silent beyond haHousekeepingInterval");
            fakeMaster.accept();
            assertEquals(0, fakeMaster.readReport(), "and connects again");
        }
    }

    @Test
    void aSlaveAheadOfItsMasterStopsAndReportsInsteadOfTruncating() throws Exception {
        DefaultMessageStore longer = HATestSupport.open(dir.resolve("slave"), BrokerRole.ASYNC_MASTER, c -> { });
        for (int i = 0; i < 20; i++) {
            longer.putMessage(HATestSupport.message(i));
        }
        long slaveEnd = longer.getMaxPhyOffset();
        longer.shutdown();
        master = HATestSupport.open(dir.resolve("master"), BrokerRole.ASYNC_MASTER, c -> { });
        for (int i = 0; i < 5; i++) {
            master.putMessage(HATestSupport.message(i));
        }
        long masterEnd = master.getMaxPhyOffset();
        String address = HATestSupport.haAddress(master);
        slave = HATestSupport.open(dir.resolve("slave"), BrokerRole.SLAVE, c -> c.setHaMasterAddress(address));

        HAClient client = slave.getHaService().getHAClient();
        assertTrue(StoreTestSupport.await(client::isDiverged, 10_000), "the slave never noticed the divergence");
        String report = client.getDivergenceReport();
        assertTrue(report.contains(String.valueOf(masterEnd)) && report.contains(String.valueOf(slaveEnd)), report);
        assertEquals(slaveEnd, slave.getMaxPhyOffset(), "nothing truncated");
        assertTrue(StoreTestSupport.await(() -> master.getHaService().getConnectionCount().get() == 0, 10_000));
        // the master may see the close a moment before the client has let go of its channel
        assertTrue(StoreTestSupport.await(() -> !client.isConnected(), 10_000), "a diverged slave does not reconnect");
        assertEquals(PutMessageStatus.PUT_OK, master.putMessage(HATestSupport.message(99)).getPutMessageStatus());
        assertEquals(0, master.getHaService().getConnectionCount().get());

        client.updateMasterAddress("127.0.0.1:1");
        assertNull(client.getDivergenceReport(), "another master lifts the stop");
    }
}
