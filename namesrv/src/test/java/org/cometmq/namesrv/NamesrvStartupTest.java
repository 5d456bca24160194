package org.cometmq.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesrvStartupTest {
    @TempDir
    Path dir;

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NamesrvController controller = NamesrvStartup.createNamesrvController(args,
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertNull(controller, "-p and -h only print");
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printConfigShowsDefaultsAsKeyValueLines() throws Exception {
        String out = run("-p");
        assertTrue(out.contains("\nlistenPort=9876\n"), out);
        assertTrue(out.contains("\norderMessageEnable=false\n"), out);
        assertTrue(out.contains("\nscanNotActiveBrokerInterval=10000\n"), out);
        assertTrue(out.contains("\nbrokerChannelExpiredTime=120000\n"), out);
        assertTrue(out.contains("\nserverWorkerThreads=8\n"), out);
        assertTrue(out.contains("kvConfigPath=" + System.getProperty("user.home") + "/namesrv/kvConfig.json\n"), out);
    }

    @Test
    void configFileFillsBothConfigsAndBecomesTheStorePath() throws Exception {
        Path conf = dir.resolve("namesrv.conf");
        Files.writeString(conf, "listenPort=19876\norderMessageEnable=true\nbrokerChannelExpiredTime=5000\n"
            + "kvConfigPath=" + dir.resolve("kv.json") + "\n");
        String out = run("-c", conf.toString(), "-p");
        assertTrue(out.startsWith("load config properties file OK, " + conf + "\n"), out);
        assertTrue(out.contains("\nlistenPort=19876\n"), out);
        assertTrue(out.contains("\norderMessageEnable=true\n"), out);
        assertTrue(out.contains("\nbrokerChannelExpiredTime=5000\n"), out);
        assertTrue(out.contains("\nconfigStorePath=" + conf + "\n"), out);
        assertTrue(out.contains("\nkvConfigPath=" + dir.resolve("kv.json") + "\n"), out);
    }

    @Test
    void helpPrintsUsage() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run("-h");
        } finally {
            System.setOut(original);
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("usage: mqnamesrv"), bytes.toString());
    }

    @Test
    void badInputGivesClearErrors() throws IOException {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "listenPort=ninety\n");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
            () -> NamesrvStartup.createNamesrvController(new String[] {"-c", conf.toString()}, System.out));
        assertTrue(bad.getMessage().contains("listenPort"), bad.getMessage());
        IOException missing = assertThrows(IOException.class, () -> NamesrvStartup.createNamesrvController(
            new String[] {"-c", dir.resolve("missing.conf").toString()}, System.out));
        assertTrue(missing.getMessage().startsWith("cannot read config file "), missing.getMessage());
    }

    @Test
    void startPrintsTheBootLineWithTheRealPortAndShutdownStopsTheServer() throws Exception {
        Path conf = dir.resolve("namesrv.conf");
        Files.writeString(conf, "listenPort=0\nbindAddress=127.0.0.1\nkvConfigPath=" + dir.resolve("kv.json") + "\n");
        NamesrvController controller = NamesrvStartup.createNamesrvController(new String[] {"-c", conf.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, controller.getNettyServerConfig().getListenPort());

        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            NamesrvStartup.start(controller);
        } finally {
            System.setOut(original);
            controller.shutdown();
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("The Name Server boot success\\. serializeType=JSON, address 127\\.0\\.0\\.1:(\\d+)\n")
            .matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Integer.parseInt(m.group(1)) > 0, out);
        controller.shutdown();
    }
}
