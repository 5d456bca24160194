package org.cometmq.example.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerOptionsTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void defaults() {
        ConsumerOptions options = ConsumerOptions.parse(new String[0], NO_ENV);

        assertEquals("127.0.0.1:9876", options.namesrvAddr());
        assertEquals("BenchmarkTest", options.topic());
        assertEquals("benchmark_consumer", options.group());
        assertEquals("*", options.subExpression());
        assertEquals(20, options.consumeThreads());
        assertFalse(options.fromFirstOffset());
        assertEquals(new RunBound(60_000, 0), options.bound());
        assertEquals(10, options.reportIntervalSeconds());
    }

    @Test
    void readsEveryOption() {
        ConsumerOptions options = ConsumerOptions.parse(new String[] {"-n", "127.0.0.1:9877", "-t", "T2",
            "-g", "G2", "-e", "tag1 || tag2", "-w", "4", "-f", "-m", "100", "-d", "20", "-i", "1"}, NO_ENV);

        assertEquals("127.0.0.1:9877", options.namesrvAddr());
        assertEquals("T2", options.topic());
        assertEquals("G2", options.group());
        assertEquals("tag1 || tag2", options.subExpression());
        assertEquals(4, options.consumeThreads());
        assertTrue(options.fromFirstOffset());
        assertEquals(new RunBound(20_000, 100), options.bound());
        assertEquals(1, options.reportIntervalSeconds());
    }

    @Test
    void rejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> ConsumerOptions.parse(new String[] {"-g", ""}, NO_ENV));
        IllegalArgumentException noBound = assertThrows(IllegalArgumentException.class,
            () -> ConsumerOptions.parse(new String[] {"-d", "0", "-m", "0"}, NO_ENV));
        assertTrue(noBound.getMessage().startsWith("the run needs a bound"), noBound.getMessage());
        IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
            () -> ConsumerOptions.parse(new String[] {"-i", "0"}, NO_ENV));
        assertEquals("option -i must be between 1 and 3600, got 0", interval.getMessage());
    }

    @Test
    void runExitsWith2OnBadInput() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Consumer.run(new String[] {"-m", "-1"}, NO_ENV,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("mqbench consumer: option -m must be between 0 and "), text);
        assertTrue(text.contains("usage: mqbench consumer"), text);
    }
}
