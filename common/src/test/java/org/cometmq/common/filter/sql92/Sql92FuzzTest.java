package org.cometmq.common.filter.sql92;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random and mutated expressions: compile either succeeds or throws {@link FilterException}, and evaluation of
 * whatever compiles never throws. Fixed seeds make the counts exact; the timeout only guards against a hang.
 */
@Timeout(120)
class Sql92FuzzTest {
    private static final int ROUNDS = 20_000;

    private static final String[] TOKENS = {
        "a", "b", "c1", "$x", "_y", "missing", "AND", "OR", "NOT", "BETWEEN", "IN", "IS", "NULL", "TRUE", "FALSE",
        "and", "not", "(", ")", "(", ")", ",", "=", "<>", ">", ">=", "<", "<=", "+", "-", "'x'", "'it''s'", "''",
        "'5'", "1", "0", "42L", "1.5", ".5", "1e3", "5.", "-3", "--", "/*", "*/", "'", "#", "!", ".", "\n", "\t",
        "99999999999999999999", "012", "1e999", "LIKE", "CONTAINS", "a = 1", "a BETWEEN 1 AND 5", "b IN ('x','y')",
        "c1 IS NOT NULL",
    };

    private static final List<String> VALID = List.of(
        "a > 5 AND b = 'x'", "a BETWEEN 3 AND 5", "a NOT BETWEEN -1 AND 1.5", "b IN ('x', 'y', 'it''s')",
        "b NOT IN ('x')", "c1 IS NULL OR c1 IS NOT NULL", "NOT (a = 1 OR a = 2) AND b <> 'q'",
        "((a >= 1) AND (a <= 10)) OR $x = TRUE", "a = 1e3 OR a < .5 OR a > 42L", "-a < -3 AND +a > 1",
        "(a > 1) = TRUE", "_y", "NOT _y", "TRUE", "a = b", "a > b OR b BETWEEN a AND 10",
        "a = 1 -- comment\n AND b = 'x'", "a /* c */ = 1");

    /** Contexts that exercise numbers, non-numbers, empties, missing values and typed values. */
    private static final List<Map<String, Object>> CONTEXTS = List.of(
        Map.of(),
        Map.of("a", "7", "b", "x", "c1", "it's"),
        Map.of("a", "abc", "b", "5", "$x", "true", "_y", "1.5e3"),
        Map.of("a", "", "b", "", "c1", "-", "missing", "."),
        Map.of("a", "1234567890123456789012", "b", "NaN", "_y", Boolean.TRUE),
        Map.of("a", 7L, "b", 2.5d, "c1", Boolean.FALSE, "$x", new Object()));

    @Test
    void randomTokenSequencesOnlyEverFailWithFilterException() {
        Random random = new Random(20240601L);
        int compiled = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String expression = i % 5 == 4 ? randomCharacters(random) : randomTokens(random);
            compiled += compileAndEvaluate(expression) ? 1 : 0;
        }
        assertEquals(3_669, compiled, "compiled expressions out of " + ROUNDS);
    }

    @Test
    void mutatedValidExpressionsOnlyEverFailWithFilterException() {
        Random random = new Random(42L);
        int compiled = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String expression = VALID.get(random.nextInt(VALID.size()));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                expression = mutate(expression, random);
            }
            compiled += compileAndEvaluate(expression) ? 1 : 0;
        }
        assertEquals(10_409, compiled, "compiled expressions out of " + ROUNDS);
    }

    @Test
    void everyValidSeedCompiles() {
        for (String expression : VALID) {
            assertTrue(compileAndEvaluate(expression), expression);
        }
    }

    @Test
    void hugeInputsAreRejectedOrEvaluatedWithoutStackOverflow() {
        String[] rejected = {
            "(".repeat(10_000) + "a" + ")".repeat(10_000),
            "NOT ".repeat(10_000) + "a",
            "- ".repeat(10_000) + "a > 1",
            "a" + " = TRUE".repeat(10_000),
            "'" + "x".repeat(100_000),
            "/*" + " ".repeat(100_000),
        };
        for (String expression : rejected) {
            assertEquals(false, compileAndEvaluate(expression), expression.substring(0, 20));
        }
        String longChain = "a = 1" + " AND a = 1".repeat(10_000) + " OR b IN (" + "'v', ".repeat(10_000) + "'x')";
        assertEquals(true, compileAndEvaluate(longChain));
        assertEquals(true, compileAndEvaluate("(".repeat(100) + "a" + ")".repeat(100)));
        assertEquals(false, compileAndEvaluate("(".repeat(101) + "a" + ")".repeat(101)));
    }

    /** True when it compiled (and then evaluated cleanly on every context); false on FilterException. */
    private static boolean compileAndEvaluate(String expression) {
        Sql92Expression compiled;
        try {
            compiled = Sql92Compiler.compile(expression);
        } catch (FilterException expected) {
            assertTrue(expected.getMessage().startsWith("Syntax error at column ")
                || expected.getMessage().startsWith("Type error at column "), expected.getMessage());
            return false;
        } catch (Throwable unexpected) {
            throw new AssertionError("compile threw " + unexpected + " for: " + printable(expression), unexpected);
        }
        for (Map<String, Object> context : CONTEXTS) {
            try {
                Object result = compiled.evaluate(context::get);
                if (result != null && !(result instanceof Boolean)) {
                    fail("non-boolean result " + result + " for: " + printable(expression));
                }
                assertEquals(Boolean.TRUE.equals(result), compiled.matches(context::get), printable(expression));
            } catch (Throwable unexpected) {
                throw new AssertionError("evaluate threw " + unexpected + " for: " + printable(expression), unexpected);
            }
        }
        return true;
    }

    private static String randomTokens(Random random) {
        StringBuilder text = new StringBuilder();
        int count = 1 + random.nextInt(15);
        for (int i = 0; i < count; i++) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]);
            if (random.nextInt(4) != 0) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private static String randomCharacters(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            text.append(pick < 8 ? (char) (0x20 + random.nextInt(0x5f)) : (char) random.nextInt(0x3000));
        }
        return text.toString();
    }

    private static String mutate(String expression, Random random) {
        int length = expression.length();
        int at = length == 0 ? 0 : random.nextInt(length);
        switch (random.nextInt(5)) {
            case 0: // delete a short range
                return expression.substring(0, at) + expression.substring(Math.min(length, at + 1 + random.nextInt(4)));
            case 1: // insert a token
                return expression.substring(0, at) + " " + TOKENS[random.nextInt(TOKENS.length)] + " "
                    + expression.substring(at);
            case 2: // replace one character
                return length == 0 ? expression
                    : expression.substring(0, at) + (char) (0x20 + random.nextInt(0x5f)) + expression.substring(at + 1);
            case 3: // duplicate a slice
                int end = Math.min(length, at + 1 + random.nextInt(10));
                return expression.substring(0, end) + expression.substring(at, end) + expression.substring(end);
            default: // swap the halves around a point
                return expression.substring(at) + " " + expression.substring(0, at);
        }
    }

    private static String printable(String expression) {
        String shortened = expression.length() > 300 ? expression.substring(0, 300) + "..." : expression;
        StringBuilder text = new StringBuilder();
        for (char c : shortened.toCharArray()) {
            text.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.toString();
    }

}
