package org.cometmq.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cometmq.broker.config.BrokerConfiguration;
import org.cometmq.store.config.FlushDiskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerStartupTest {
    @TempDir
    Path dir;

    private Path config(String text) throws Exception {
        Path file = dir.resolve("broker.conf");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void configFileFillsEveryBeanAndDashNOverridesNamesrv() throws Exception {
        Path file = config("brokerName=b1\nlistenPort=20911\nflushDiskType=SYNC_FLUSH\nnamesrvAddr=10.0.0.1:9876\n"
            + "registerNameServerPeriod=5000\nclientWorkerThreads=3\nbrokerRole=SYNC_MASTER\n");
        BrokerConfiguration configuration = BrokerStartup.parse(
            new String[] {"-c", file.toString(), "-n", "127.0.0.1:9876;127.0.0.2:9877"}, new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals("b1", configuration.getBrokerConfig().getBrokerName());
        assertEquals(20911, configuration.getNettyServerConfig().getListenPort());
        assertEquals(FlushDiskType.SYNC_FLUSH, configuration.getMessageStoreConfig().getFlushDiskType());
        assertEquals("127.0.0.1:9876;127.0.0.2:9877", configuration.getBrokerConfig().getNamesrvAddr());
        assertEquals(10_000, configuration.getBrokerConfig().getRegisterNameServerPeriod(), "clamped to [10 s, 60 s]");
        assertEquals(3, configuration.getNettyClientConfig().getClientWorkerThreads());
        assertEquals(org.cometmq.store.config.BrokerRole.SYNC_MASTER, configuration.getMessageStoreConfig().getBrokerRole());
    }

    @Test
    void aMastersBrokerIdIsAlwaysZeroAndASlaveNeedsOneAboveZero() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path master = config("brokerId=3\nbrokerRole=SYNC_MASTER\n");
        assertEquals(0, BrokerStartup.parse(new String[] {"-c", master.toString()}, quiet).getBrokerConfig()
            .getBrokerId());
        Path slave = config("brokerId=2\nbrokerRole=SLAVE\n");
        assertEquals(2, BrokerStartup.parse(new String[] {"-c", slave.toString()}, quiet).getBrokerConfig()
            .getBrokerId());
        Path badSlave = config("brokerId=0\nbrokerRole=SLAVE\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> BrokerStartup.parse(new String[] {"-c", badSlave.toString()}, quiet));
        assertTrue(e.getMessage().startsWith("Slave's brokerId must be > 0"), e.getMessage());
    }

    @Test
    void defaultsWithoutConfigFile() throws Exception {
        BrokerConfiguration configuration = BrokerStartup.parse(new String[0],
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(10911, configuration.getNettyServerConfig().getListenPort());
        assertEquals("DefaultCluster", configuration.getBrokerConfig().getBrokerClusterName());
        assertEquals(0, configuration.getBrokerConfig().getBrokerId());
        assertEquals(6, configuration.getBrokerConfig().getBrokerPermission());
        assertEquals(8, configuration.getBrokerConfig().getDefaultTopicQueueNums());
        assertEquals(30_000, configuration.getBrokerConfig().getRegisterNameServerPeriod());
        assertEquals(6_000, configuration.getBrokerConfig().getRegisterBrokerTimeoutMills());
        assertEquals("DefaultRegion", configuration.getBrokerConfig().getRegionId());
    }

    @Test
    void dashPPrintsEffectiveConfigAndReturnsNull() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path file = config("brokerName=printed\n");
        assertNull(BrokerStartup.parse(new String[] {"-c", file.toString(), "-p"},
            new PrintStream(out, true, StandardCharsets.UTF_8)));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("brokerName=printed\n"), printed);
        assertTrue(printed.contains("listenPort=10911\n"), printed);
        assertTrue(printed.contains("flushDiskType=ASYNC_FLUSH\n"), printed);
    }

    @Test
    void badInputIsAClearError() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        IllegalArgumentException badAddr = assertThrows(IllegalArgumentException.class,
            () -> BrokerStartup.parse(new String[] {"-n", "127.0.0.1"}, quiet));
        assertTrue(badAddr.getMessage().contains("'127.0.0.1' is not host:port"), badAddr.getMessage());
        Path file = config("listenPort=ten\n");
        IllegalArgumentException badValue = assertThrows(IllegalArgumentException.class,
            () -> BrokerStartup.parse(new String[] {"-c", file.toString()}, quiet));
        assertTrue(badValue.getMessage().contains("listenPort"), badValue.getMessage());
        Path badEnum = config("flushDiskType=FAST_FLUSH\n");
        IllegalArgumentException enumError = assertThrows(IllegalArgumentException.class,
            () -> BrokerStartup.parse(new String[] {"-c", badEnum.toString()}, quiet));
        assertTrue(enumError.getMessage().contains("[SYNC_FLUSH, ASYNC_FLUSH]")
            || enumError.getMessage().contains("[ASYNC_FLUSH, SYNC_FLUSH]"), enumError.getMessage());
        assertThrows(java.io.IOException.class,
            () -> BrokerStartup.parse(new String[] {"-c", dir.resolve("missing.conf").toString()}, quiet));
    }
}
