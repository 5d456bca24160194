package org.cometmq.store.ha;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cometmq.store.DefaultMessageStore;
import org.cometmq.store.GetMessageResult;
import org.cometmq.store.GetMessageStatus;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.StoreTestSupport;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.store.config.MessageStoreConfig;
import org.junit.jupiter.api.Test;

/** A master and a slave store in one JVM: the slave ends with a byte-identical commit log and the same queues. */
class MasterSlaveReplicationTest extends MasterSlaveTestBase {

    private static final int MESSAGES = 100_000;
    private static final int FILE_SIZE = 4 * 1024 * 1024;

    private void smallFiles(MessageStoreConfig config) {
        config.setMappedFileSizeCommitLog(FILE_SIZE);
        config.setMappedFileSizeConsumeQueue(30_000 * 20);
        config.setMaxTransferCountOnMessageInMemory(1024);
        config.setMaxTransferBytesOnMessageInMemory(1024 * 1024);
    }

    private DefaultMessageStore openSlave() throws Exception {
        String address = HATestSupport.haAddress(master);
        return HATestSupport.open(dir.resolve("slave"), BrokerRole.SLAVE, config -> {
            smallFiles(config);
            config.setHaMasterAddress(address);
        });
    }

    @Test
    void aSlaveCopiesEveryFileByteForByteAndDispatchesTheSameQueues() throws Exception {
        master = HATestSupport.open(dir.resolve("master"), BrokerRole.ASYNC_MASTER, this::smallFiles);
        slave = openSlave();
        assertEquals(PutMessageStatus.PUT_OK, master.putMessage(HATestSupport.message(0)).getPutMessageStatus());
        assertTrue(StoreTestSupport.await(() -> slave.getMaxPhyOffset() == master.getMaxPhyOffset(), 10_000),
            "the slave never received the first message");

        // Stopped slave, then catch-up from where it stood: the measured part is pure replication.
        slave.shutdown();
        for (int i = 1; i < MESSAGES; i++) {
            assertEquals(PutMessageStatus.PUT_OK, master.putMessage(HATestSupport.message(i)).getPutMessageStatus());
        }
        long resumeFrom = master.getMaxPhyOffset();
        assertTrue(resumeFrom > 3L * FILE_SIZE, "the run must span several commit-log files");
        slave = openSlave();
        // Measured from the opened slave's first report: the store's start-up is not replication.
        long begin = System.nanoTime();
        long cpuBegin = processCpuNanos();
        long startOffset = slave.getMaxPhyOffset();
        assertTrue(StoreTestSupport.await(() -> slave.getMaxPhyOffset() == resumeFrom, 25_000),
            "the slave stopped at " + slave.getMaxPhyOffset() + " of " + resumeFrom);
        double seconds = (System.nanoTime() - begin) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuBegin) / 1e9;
        System.out.printf("replication throughput: %d bytes in %.3f s = %.1f MB/s (%.3f s of process CPU, "
            + "load average %.1f)%n", resumeFrom - startOffset, seconds, (resumeFrom - startOffset) / 1e6 / seconds,
            cpuSeconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        assertTrue(StoreTestSupport.await(() -> slave.dispatchBehindBytes() == 0, 10_000), "slave dispatch lags");
        for (int queueId = 0; queueId < 4; queueId++) {
            assertEquals(master.getMaxOffsetInQueue("T", queueId), slave.getMaxOffsetInQueue("T", queueId));
            assertSameQueue(queueId);
        }
        assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE,
            slave.putMessage(HATestSupport.message(-1)).getPutMessageStatus(), "a slave refuses puts");

        slave.shutdown();
        slave = null;
        master.shutdown();
        master = null;
        assertSameFiles(dir.resolve("master/commitlog"), dir.resolve("slave/commitlog"));
    }

    /** Every pull of the queue returns the same bytes on both stores. */
    private void assertSameQueue(int queueId) {
        long offset = 0;
        long max = master.getMaxOffsetInQueue("T", queueId);
        for (int guard = 0; offset < max && guard < MESSAGES; guard++) {
            GetMessageResult fromMaster = master.getMessage("g", "T", queueId, offset, 1024, null);
            GetMessageResult fromSlave = slave.getMessage("g", "T", queueId, offset, 1024, null);
            try {
                assertEquals(GetMessageStatus.FOUND, fromSlave.getStatus(), "queue " + queueId + " at " + offset);
                assertEquals(fromMaster.getMessageCount(), fromSlave.getMessageCount());
                for (int i = 0; i < fromMaster.getMessageCount(); i++) {
                    assertEquals(fromMaster.getMessageBufferList().get(i), fromSlave.getMessageBufferList().get(i));
                }
                offset = fromMaster.getNextBeginOffset();
            } finally {
                fromMaster.release();
                fromSlave.release();
            }
        }
        assertEquals(max, offset);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
            ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    private static void assertSameFiles(Path masterDir, Path slaveDir) throws IOException {
        List<String> masterFiles = names(masterDir);
        assertEquals(masterFiles, names(slaveDir));
        assertTrue(masterFiles.size() > 3, "files: " + masterFiles);
        for (String name : masterFiles) {
            assertArrayEquals(Files.readAllBytes(masterDir.resolve(name)), Files.readAllBytes(slaveDir.resolve(name)),
                "commit-log file " + name + " differs");
        }
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

}
