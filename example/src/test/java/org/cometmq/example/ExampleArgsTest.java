package org.cometmq.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleArgsTest {

    @Test
    void namesrvFromOptionThenEnvironmentThenDefault() {
        Map<String, String> env = Map.of("NAMESRV_ADDR", "127.0.0.1:9000");
        assertEquals("127.0.0.1:9001", ExampleArgs.parse(new String[] {"-n", "127.0.0.1:9001"}, env).namesrvAddr());
        assertEquals("127.0.0.1:9000", ExampleArgs.parse(new String[0], env).namesrvAddr());
        assertEquals("127.0.0.1:9876", ExampleArgs.parse(new String[0], Map.of()).namesrvAddr());
    }

    @Test
    void readsPairsWithFallbacks() {
        ExampleArgs args = ExampleArgs.parse(new String[] {"-t", "T", "-c", "25"}, Map.of());
        assertEquals("T", args.get("-t", "TopicTest"));
        assertEquals(25, args.getInt("-c", 10));
        assertEquals("G", args.get("-g", "G"));
        assertEquals(7, args.getInt("-w", 7));
    }

    @Test
    void rejectsUnpairedArgumentsAndBadNumbers() {
        IllegalArgumentException lone = assertThrows(IllegalArgumentException.class,
            () -> ExampleArgs.parse(new String[] {"-t"}, Map.of()));
        assertEquals("expected '-option value' pairs, got '-t'", lone.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExampleArgs.parse(new String[] {"x", "y"}, Map.of()));
        ExampleArgs args = ExampleArgs.parse(new String[] {"-c", "many"}, Map.of());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class, () -> args.getInt("-c", 1));
        assertEquals("option -c needs a whole number, got 'many'", number.getMessage());
    }
}
