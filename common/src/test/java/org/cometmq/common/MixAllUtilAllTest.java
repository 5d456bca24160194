package org.cometmq.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixAllUtilAllTest {

    /** A config bean like the broker's: setters of every supported type. */
    public static class SampleConfig {
        private String name = "default";
        private int port = 10911;
        private long size = 1;
        private boolean enabled;
        private double ratio;
        private Integer boxed;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public long getSize() {
            return size;
        }

        public void setSize(long size) {
            this.size = size;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public double getRatio() {
            return ratio;
        }

        public void setRatio(double ratio) {
            this.ratio = ratio;
        }

        public Integer getBoxed() {
            return boxed;
        }

        public void setBoxed(Integer boxed) {
            this.boxed = boxed;
        }
    }

    @Test
    void propertiesFillAndPrintABean() {
        Properties p = MixAll.string2Properties("name=broker-a\nport= 20911 \nsize=123456789012\nenabled=TRUE\n"
            + "ratio=0.75\nboxed=5\nunknownKey=x\n");
        SampleConfig config = new SampleConfig();
        MixAll.properties2Object(p, config);
        assertEquals("broker-a", config.getName());
        assertEquals(20911, config.getPort());
        assertEquals(123456789012L, config.getSize());
        assertTrue(config.isEnabled());
        assertEquals(0.75, config.getRatio());
        assertEquals(5, config.getBoxed());

        Properties printed = MixAll.object2Properties(config);
        assertEquals("20911", printed.getProperty("port"));
        assertEquals("broker-a", printed.getProperty("name"));
        assertEquals("boxed=5\nenabled=true\nname=broker-a\nport=20911\nratio=0.75\nsize=123456789012\n",
            MixAll.properties2String(printed));

        Properties bad = new Properties();
        bad.setProperty("port", "abc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> MixAll.properties2Object(bad, new SampleConfig()));
        assertTrue(e.getMessage().contains("'port'"), e.getMessage());
    }

    public enum Mode { ASYNC_FLUSH, SYNC_FLUSH }

    public static class EnumConfig {
        private Mode mode = Mode.ASYNC_FLUSH;

        public Mode getMode() {
            return mode;
        }

        public void setMode(Mode mode) {
            this.mode = mode;
        }
    }

    @Test
    void propertiesSetEnumsByConstantName() {
        EnumConfig config = new EnumConfig();
        MixAll.properties2Object(MixAll.string2Properties("mode= SYNC_FLUSH \n"), config);
        assertEquals(Mode.SYNC_FLUSH, config.getMode());
        assertEquals("SYNC_FLUSH", MixAll.object2Properties(config).getProperty("mode"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> MixAll.properties2Object(MixAll.string2Properties("mode=sync\n"), new EnumConfig()));
        assertEquals("Config key 'mode' has value 'sync', expected one of [ASYNC_FLUSH, SYNC_FLUSH]", e.getMessage());
    }

    @Test
    void safeFileWriteKeepsBackup(@TempDir Path dir) throws Exception {
        String file = dir.resolve("sub/config.json").toString();
        MixAll.string2File("one", file);
        assertEquals("one", MixAll.file2String(file));
        MixAll.string2File("two", file);
        assertEquals("two", MixAll.file2String(file));
        assertEquals("one", Files.readString(Path.of(file + ".bak"), StandardCharsets.UTF_8));
        assertFalse(Files.exists(Path.of(file + ".tmp")));
        assertNull(MixAll.file2String(dir.resolve("missing").toString()));
    }

    @Test
    void compareAndIncreaseOnly() {
        AtomicLong v = new AtomicLong(5);
        assertFalse(MixAll.compareAndIncreaseOnly(v, 3));
        assertTrue(MixAll.compareAndIncreaseOnly(v, 9));
        assertEquals(9, v.get());
    }

    @Test
    void crcHexAndFileNames() throws Exception {
        // CRC-32 of "123456789" is 0xCBF43926; top bit cleared gives 0x4BF43926.
        assertEquals(0x4BF43926, UtilAll.crc32("123456789".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("00000000000000000000", UtilAll.offset2FileName(0));
        assertEquals("00000000001073741824", UtilAll.offset2FileName(1073741824L));
        assertEquals("0A00FF7F", UtilAll.bytes2string(new byte[] {10, 0, (byte) 0xFF, 0x7F}));
        assertArrayEquals(new byte[] {10, 0, (byte) 0xFF, 0x7F}, UtilAll.string2bytes("0a00ff7F"));
        assertThrows(IllegalArgumentException.class, () -> UtilAll.string2bytes("ABC"));
        assertThrows(IllegalArgumentException.class, () -> UtilAll.string2bytes("GG"));
        assertTrue(UtilAll.isBlank(" \t"));
        assertFalse(UtilAll.isBlank(" a"));

        byte[] data = "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz".getBytes(StandardCharsets.UTF_8);
        byte[] zipped = UtilAll.compress(data, 5);
        assertEquals(0x78, zipped[0] & 0xFF);
        assertArrayEquals(data, UtilAll.uncompress(zipped));
        assertThrows(java.io.IOException.class, () -> UtilAll.uncompress(new byte[] {1, 2, 3}));
    }

    @Test
    void timeStrings() {
        Calendar cal = Calendar.getInstance();
        cal.set(2024, Calendar.JANUARY, 31, 23, 59, 58);
        cal.set(Calendar.MILLISECOND, 7);
        assertEquals("20240131235958007", UtilAll.timeMillisToHumanString(cal.getTimeInMillis()));
        assertEquals("2024-01-31 23:59:58,007", UtilAll.timeMillisToHumanString2(cal.getTimeInMillis()));
        assertEquals("20240131235958", UtilAll.timeMillisToHumanString3(cal.getTimeInMillis()));
    }

    @Test
    void diskUsage(@TempDir Path dir) {
        double used = UtilAll.getDiskPartitionSpaceUsedPercent(dir.toString());
        assertTrue(used >= 0 && used <= 1, "used=" + used);
        // a directory not created yet reads as its partition (its nearest existing parent), not as unknown
        assertEquals(used, UtilAll.getDiskPartitionSpaceUsedPercent(dir.resolve("store/commitlog").toString()), 0.01);
        assertEquals(-1, UtilAll.getDiskPartitionSpaceUsedPercent(""));
    }
}
