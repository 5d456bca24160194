package org.cometmq.example.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cometmq.acl.common.AclClientRPCHook;
import org.junit.jupiter.api.Test;

class ProducerOptionsTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void defaultsMatchTheReferenceSetup() {
        ProducerOptions options = ProducerOptions.parse(new String[0], NO_ENV);

        assertEquals("127.0.0.1:9876", options.namesrvAddr());
        assertEquals("BenchmarkTest", options.topic());
        assertEquals(32, options.threads());
        assertEquals(1024, options.messageSize());
        assertFalse(options.keys());
        assertEquals(0, options.tagCount());
        assertFalse(options.async());
        assertEquals(1024, options.maxInFlight());
        assertEquals(new RunBound(60_000, 0), options.bound());
        assertEquals(10, options.reportIntervalSeconds());
        assertEquals(BenchmarkAcl.OFF, options.acl());
        assertNull(options.acl().rpcHook());
    }

    @Test
    void readsEveryOption() {
        ProducerOptions options = ProducerOptions.parse(new String[] {"-n", "127.0.0.1:9877", "-t", "T1",
            "-w", "8", "-s", "256", "-k", "-c", "4", "-a", "-q", "50", "-d", "5", "-m", "1000", "-i", "2"}, NO_ENV);

        assertEquals("127.0.0.1:9877", options.namesrvAddr());
        assertEquals("T1", options.topic());
        assertEquals(8, options.threads());
        assertEquals(256, options.messageSize());
        assertTrue(options.keys());
        assertEquals(4, options.tagCount());
        assertTrue(options.async());
        assertEquals(50, options.maxInFlight());
        assertEquals(new RunBound(5_000, 1000), options.bound());
        assertEquals(2, options.reportIntervalSeconds());
    }

    @Test
    void acceptsApacheStyleBooleanValues() {
        ProducerOptions on = ProducerOptions.parse(new String[] {"-k", "true", "-a", "false"}, NO_ENV);
        assertTrue(on.keys());
        assertFalse(on.async());
        ProducerOptions longNames = ProducerOptions.parse(new String[] {"--keys", "--async", "--threads", "3"}, NO_ENV);
        assertTrue(longNames.keys());
        assertTrue(longNames.async());
        assertEquals(3, longNames.threads());
    }

    @Test
    void accessKeysTurnAclOnAndSignTheRequests() {
        ProducerOptions options = ProducerOptions.parse(new String[] {"-ak", "bench", "-sk", "s3cret123"}, NO_ENV);

        assertEquals(new BenchmarkAcl("bench", "s3cret123"), options.acl());
        assertInstanceOf(AclClientRPCHook.class, options.acl().rpcHook());
        assertTrue(options.describe().contains("acl(accessKey=bench)"), options.describe());
        assertFalse(options.describe().contains("s3cret123"), options.describe());
        assertFalse(options.acl().toString().contains("s3cret123"));
        ProducerOptions longNames = ProducerOptions.parse(
            new String[] {"--aclEnable", "true", "--accessKey", "k2", "--secretKey", "s2"}, NO_ENV);
        assertEquals(new BenchmarkAcl("k2", "s2"), longNames.acl());
    }

    @Test
    void aclEnableAloneSignsWithApacheBenchmarkKeys() {
        assertEquals(new BenchmarkAcl("rocketmq2", "12345678"),
            ProducerOptions.parse(new String[] {"--aclEnable"}, NO_ENV).acl());
        assertEquals(new BenchmarkAcl("mine", "12345678"),
            ProducerOptions.parse(new String[] {"--aclEnable", "true", "-ak", "mine"}, NO_ENV).acl());
        assertEquals(BenchmarkAcl.OFF, ProducerOptions.parse(new String[] {"--aclEnable", "false"}, NO_ENV).acl());
        ProducerOptions asyncStillShort = ProducerOptions.parse(new String[] {"-a", "-ak", "k"}, NO_ENV);
        assertTrue(asyncStillShort.async());
        assertEquals("k", asyncStillShort.acl().accessKey());
    }

    @Test
    void rejectsContradictoryOrEmptyAclOptions() {
        assertMessage("options -ak and -sk need ACL on, but --aclEnable is false", "--aclEnable", "false", "-ak", "k");
        assertMessage("option -ak must not be empty", "-ak", " ");
        assertMessage("option -sk must not be empty", "-ak", "k", "-sk", "");
        assertMessage("option -aclEnable takes true or false, got 'on'", "--aclEnable", "on");
    }

    @Test
    void namesrvComesFromTheEnvironmentWhenNotGiven() {
        Map<String, String> env = Map.of("NAMESRV_ADDR", "127.0.0.1:9999");
        assertEquals("127.0.0.1:9999", ProducerOptions.parse(new String[0], env).namesrvAddr());
        assertEquals("127.0.0.1:1111", ProducerOptions.parse(new String[] {"-n", "127.0.0.1:1111"}, env).namesrvAddr());
    }

    @Test
    void aMessageCountAloneReplacesTheDefaultDuration() {
        assertEquals(new RunBound(0, 500), ProducerOptions.parse(new String[] {"-m", "500"}, NO_ENV).bound());
        assertEquals(new RunBound(30_000, 0), ProducerOptions.parse(new String[] {"-d", "30"}, NO_ENV).bound());
        assertEquals(new RunBound(0, 7), ProducerOptions.parse(new String[] {"-d", "0", "-m", "7"}, NO_ENV).bound());
    }

    @Test
    void rejectsBadValuesWithTheOptionInTheMessage() {
        assertMessage("the run needs a bound", "-d", "0");
        assertMessage("option -w must be between 1 and 1024, got 0", "-w", "0");
        assertMessage("option -s must be between 1 and 4194304, got 4194305", "-s", "4194305");
        assertMessage("option -m needs a whole number, got 'ten'", "-m", "ten");
        assertMessage("option -k takes true or false, got 'yes'", "-k", "yes");
        assertMessage("unexpected argument(s): extra", "-w", "4", "extra");
        assertMessage("Unrecognized option: -z", "-z", "1");
        assertMessage("option -t (topic) must not be empty", "-t", " ");
    }

    @Test
    void runPrintsUsageAndExitsWith2OnBadInputAnd0OnHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int bad = Producer.run(new String[] {"-w", "-5"}, NO_ENV, print(out), print(err));
        assertEquals(2, bad);
        String errText = err.toString(StandardCharsets.UTF_8);
        assertTrue(errText.startsWith("mqbench producer: option -w must be between 1 and 1024, got -5"), errText);
        assertTrue(errText.contains("usage: mqbench producer"), errText);

        int help = Producer.run(new String[] {"-h"}, NO_ENV, print(out), print(err));
        assertEquals(0, help);
        String outText = out.toString(StandardCharsets.UTF_8);
        assertTrue(outText.contains("-w,--threads"), outText);
        assertTrue(outText.contains("-m,--messageCount"), outText);
        assertTrue(outText.contains("-ak,--accessKey"), outText);
        assertTrue(outText.contains("--aclEnable"), outText);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static void assertMessage(String expectedStart, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ProducerOptions.parse(args, NO_ENV));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
