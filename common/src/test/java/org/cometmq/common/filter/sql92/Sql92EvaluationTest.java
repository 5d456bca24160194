package org.cometmq.common.filter.sql92;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Evaluation over ten messages with property a = "1".."10"; b = "x" on even a, missing on odd a;
 * c = "it's" on a = 1 only.
 */
class Sql92EvaluationTest {
    private static final List<Map<String, String>> MESSAGES = tenMessages();

    private static List<Map<String, String>> tenMessages() {
        List<Map<String, String>> messages = new ArrayList<>();
        for (int a = 1; a <= 10; a++) {
            Map<String, String> properties = new HashMap<>();
            properties.put("a", Integer.toString(a));
            if (a % 2 == 0) {
                properties.put("b", "x");
            }
            if (a == 1) {
                properties.put("c", "it's");
            }
            messages.add(properties);
        }
        return messages;
    }

    /** The a-values of the messages the expression selects, in order, joined by spaces; "none" for none. */
    private static String select(String expression) throws FilterException {
        Sql92Expression compiled = Sql92Compiler.compile(expression);
        StringBuilder selected = new StringBuilder();
        for (Map<String, String> properties : MESSAGES) {
            if (compiled.matches(properties::get)) {
                selected.append(selected.length() == 0 ? "" : " ").append(properties.get("a"));
            }
        }
        return selected.length() == 0 ? "none" : selected.toString();
    }

    private static Object eval(String expression, Map<String, ?> properties) throws FilterException {
        return Sql92Compiler.compile(expression).evaluate(properties::get);
    }

    @Test
    void betweenSelectsExactlyThree() throws FilterException {
        assertEquals("3 4 5", select("a BETWEEN 3 AND 5"));
        assertEquals("1 2 6 7 8 9 10", select("a NOT BETWEEN 3 AND 5"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a > 5                              | 6 7 8 9 10",
        "a >= 5                             | 5 6 7 8 9 10",
        "a < 5                              | 1 2 3 4",
        "a <= 5                             | 1 2 3 4 5",
        "a = 5                              | 5",
        "a <> 5                             | 1 2 3 4 6 7 8 9 10",
        "5 < a                              | 6 7 8 9 10",
        "a > 2.5                            | 3 4 5 6 7 8 9 10",
        "a BETWEEN 2.5 AND 4                | 3 4",
        "a BETWEEN -1 AND 1                 | 1",
        "a > -1                             | 1 2 3 4 5 6 7 8 9 10",
        "-a < -8                            | none",
        "a = - -5                           | 5",
        "a = 1e1                            | 10",
        "a = 10L                            | 10",
        "a IN ('1', '2', '10')              | 1 2 10",
        "a NOT IN ('1', '2', '10')          | 3 4 5 6 7 8 9",
        "a IN ('1','2','3','4','5','6','7','8','9') | 1 2 3 4 5 6 7 8 9",
        "a IN ('01', ' 1', '1.0')           | none",
        "b IS NULL                          | 1 3 5 7 9",
        "b IS NOT NULL                      | 2 4 6 8 10",
        "b = 'x'                            | 2 4 6 8 10",
        "b = 'X'                            | none",
        "b <> 'x'                           | none",
        "b <> 'y'                           | 2 4 6 8 10",
        "c = 'it''s'                        | 1",
        "a = '5'                            | 5",
        "a = '05'                           | none",
        "(a < 3 OR a > 8) AND NOT (a = 10)  | 1 2 9",
        "a = 1 OR a = 2 AND b = 'x'         | 1 2",
        "(a = 1 OR a = 2) AND b = 'x'       | 2",
        "a > 2 AND (b = 'x' OR a = 3) AND NOT (a BETWEEN 6 AND 8) | 3 4 10",
        "NOT (a > 3 AND b IS NULL)          | 1 2 3 4 6 8 10",
        "TRUE                               | 1 2 3 4 5 6 7 8 9 10",
        "FALSE                              | none",
        "NULL                               | none",
        "1 = 1                              | 1 2 3 4 5 6 7 8 9 10",
        "'p' <> 'p'                         | none",
    })
    void selectsOverTenMessages(String expression, String expected) throws FilterException {
        assertEquals(expected, select(expression));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "z > 1                       | none",
        "z = 'x'                     | none",
        "z <> 'x'                    | none",
        "NOT (z > 1)                 | none",
        "z IN ('x')                  | none",
        "z NOT IN ('x')              | none",
        "z BETWEEN 1 AND 2           | none",
        "z NOT BETWEEN 1 AND 2       | none",
        "z > 1 OR a = 1              | 1",
        "z > 1 AND a = 1             | none",
        "NOT (z > 1 AND a = 1)       | 2 3 4 5 6 7 8 9 10",
        "NOT (z > 1 OR a = 1)        | none",
        "(z > 1) IS NULL             | 1 2 3 4 5 6 7 8 9 10",
        "a BETWEEN z AND 5           | none",
        "a BETWEEN 3 AND z           | none",
        "a NOT BETWEEN z AND 5       | 6 7 8 9 10",
        "a = b                       | none",
        "z IS NULL                   | 1 2 3 4 5 6 7 8 9 10",
    })
    void missingPropertiesAreUnknown(String expression, String expected) throws FilterException {
        assertEquals(expected, select(expression));
    }

    @Test
    void unknownIsReportedAsNull() throws FilterException {
        Map<String, String> one = Map.of("a", "1");
        assertNull(eval("z > 1", one));
        assertNull(eval("NOT (z = 'q')", one));
        assertEquals(Boolean.FALSE, eval("z > 1 AND a = 2", one));
        assertEquals(Boolean.TRUE, eval("z > 1 OR a = 1", one));
        assertEquals(Boolean.TRUE, eval("z IS NULL", one));
        assertEquals(Boolean.FALSE, eval("a IS NULL", one));
        assertNull(eval("NULL", one));
        assertFalse(Sql92Compiler.compile("z > 1").matches(one::get));
    }

    /**
     * A property is converted with Java's parser for the literal's type ({@code Integer.valueOf} against an integer,
     * {@code Double.valueOf} against a decimal); text it refuses fails the evaluation, which 4.9.7's broker treats
     * as "no match" for the whole message (null here). Until this matched 4.9.7, such values only made their own
     * comparison UNKNOWN and any numeric text was accepted ({@code '7.5' > 5} was TRUE).
     */
    @ParameterizedTest(name = "{0} with a={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a > 5                | abc                  | ",
        "a = 5                | abc                  | ",
        "a <> 5               | abc                  | ",
        "a BETWEEN 1 AND 10   | abc                  | ",
        "a NOT BETWEEN 1 AND 10 | abc                | ",
        "a = 'abc'            | abc                  | true",
        "a > 5                | \"\"                 | ",
        "a > 5                | \" 7\"               | ",
        "a > 5.0              | \" 7\"               | true",
        "a > 5                | 0x10                 | ",
        "a > 5.0              | 0x1p3                | true",
        "a > 5                | NaN                  | ",
        "a > 5.0              | NaN                  | true",
        "a > 5.0              | Infinity             | true",
        "a > 5                | 7d                   | ",
        "a > 5.0              | 7d                   | true",
        "a > 5.0              | 1e                   | ",
        "a > 5.0              | .                    | ",
        "a > 5                | -                    | ",
        "a > 5                | 7.5                  | ",
        "a > 5.0              | 7.5                  | true",
        "a > 5                | +7                   | true",
        "a > 5                | -7                   | false",
        "a > 5                | \u0667              | true",
        "a > 5.0              | \u0667              | ",
        "a >= 5               | 5.0                  | ",
        "a >= 5.0             | 5.0                  | true",
        "a > 5.0              | .6e1                 | true",
        "a = 10               | 1e1                  | ",
        "a = 10.0             | 1E+1                 | true",
        "a > 5.5              | 6                    | true",
        "a > 5                | 1234567890123456789  | ",
        "a > 5000000000       | 1234567890123456789  | true",
        "a = 123456789012345678 | 123456789012345679 | false",
        "a = 123456789012345679 | 123456789012345679 | true",
        "a < -5               | -5.5                 | ",
        "a < -5.0             | -5.5                 | true",
        "a BETWEEN 1 AND 10   | 10.0                 | ",
        "a BETWEEN 1.0 AND 10 | 10.0                 | ",
        "a = 0.0001           | -0.0                 | false",
    })
    void valuesJavaCannotParseFailTheEvaluation(String expression, String a, Boolean expected)
        throws FilterException {
        assertEquals(expected, eval(expression, Map.of("a", a)));
    }

    @Test
    void aFailedComparisonFailsTheWholeMessageUnlessAlreadyDecided() throws FilterException {
        Map<String, String> properties = Map.of("a", "abc", "b", "x");
        assertNull(eval("a > 5 OR b = 'x'", properties));
        assertFalse(Sql92Compiler.compile("a > 5 OR b = 'x'").matches(properties::get));
        assertEquals(Boolean.TRUE, eval("b = 'x' OR a > 5", properties));
        assertNull(eval("a > 5 AND b = 'y'", properties));
        assertEquals(Boolean.FALSE, eval("b = 'y' AND a > 5", properties));
        assertNull(eval("NOT (a > 5)", properties));
    }

    @Test
    void notBindsTighterThanComparisons() throws FilterException {
        // (NOT a) = 1 compares a Boolean with 1: never TRUE
        assertEquals(Boolean.FALSE, eval("NOT a = 1", Map.of("a", "2")));
        // (NOT a) IS NULL: TRUE exactly when a is missing
        assertEquals(Boolean.TRUE, eval("NOT a IS NULL", Map.of()));
        assertEquals(Boolean.FALSE, eval("NOT a IS NULL", Map.of("a", "1")));
        assertEquals(Boolean.TRUE, eval("NOT (a = 1)", Map.of("a", "2")));
    }

    @Test
    void equalityTreatsMissingValuesAsymmetrically() throws FilterException {
        assertNull(eval("a = 5", Map.of()));
        assertEquals(Boolean.FALSE, eval("5 = a", Map.of()));
        assertEquals(Boolean.TRUE, eval("5 <> a", Map.of()));
        assertEquals(Boolean.TRUE, eval("a = b", Map.of()));
        assertEquals(Boolean.FALSE, eval("a <> b", Map.of()));
    }

    @Test
    void propertiesCompareWithEachOther() throws FilterException {
        assertEquals(Boolean.TRUE, eval("a > b", Map.of("a", "10", "b", "9")));
        assertEquals(Boolean.FALSE, eval("a = b", Map.of("a", "5", "b", "5.0")));
        assertEquals(Boolean.TRUE, eval("a = b", Map.of("a", "same", "b", "same")));
        assertNull(eval("a > b", Map.of("a", "x", "b", "9")));
        assertEquals(Boolean.TRUE, eval("a BETWEEN lo AND hi", Map.of("a", "5", "lo", "1", "hi", "9.5")));
    }

    @Test
    void booleanComparisonsAndBareProperties() throws FilterException {
        assertEquals(Boolean.TRUE, eval("f = TRUE", Map.of("f", "true")));
        assertEquals(Boolean.TRUE, eval("f = TRUE", Map.of("f", "TRUE")));
        assertEquals(Boolean.FALSE, eval("f = TRUE", Map.of("f", "yes")));
        assertEquals(Boolean.TRUE, eval("f = FALSE", Map.of("f", "yes")));
        assertEquals(Boolean.TRUE, eval("(a > 5) = TRUE", Map.of("a", "6")));
        assertNull(eval("(a > 5) = TRUE", Map.of()));
        // A bare property is a boolean cast: only a Boolean value is TRUE, as in RocketMQ 4.9.
        assertEquals(Boolean.FALSE, eval("f", Map.of("f", "true")));
        assertEquals(Boolean.TRUE, eval("f", Map.of("f", Boolean.TRUE)));
        assertNull(eval("f", Map.of()));
        assertEquals(Boolean.TRUE, eval("NOT f", Map.of("f", "true")));
    }

    @Test
    void contextsMayHoldTypedValues() throws FilterException {
        assertEquals(Boolean.TRUE, eval("a > 5", Map.of("a", 7L)));
        assertEquals(Boolean.TRUE, eval("a > 5", Map.of("a", 5.5d)));
        assertEquals(Boolean.TRUE, eval("a = '7'", Map.of("a", 7)));
        assertEquals(Boolean.TRUE, eval("a = 7.0", Map.of("a", 7)));
        assertEquals(Boolean.TRUE, eval("a > 5", Map.of("a", Double.NaN)));
        assertNull(eval("a IN ('7')", Map.of("a", 7)));
        assertNull(eval("a > 5", Map.of("a", new Object())));
        assertEquals(Boolean.FALSE, eval("a = 5", Map.of("a", new Object())));
        assertEquals(Boolean.TRUE, eval("-a = 9223372036854775807", Map.of("a", -9223372036854775807L)));
        // Java's long negation wraps, as 4.9.7's does
        assertEquals(Boolean.FALSE, eval("-a > 9.2E18", Map.of("a", Long.MIN_VALUE)));
        assertNull(eval("-a = 1", Map.of("a", "-1")));
    }

    @Test
    void compiledExpressionKeepsItsSourceText() throws FilterException {
        Sql92Expression compiled = Sql92Compiler.compile("a > 5 AND b = 'x'");
        assertEquals("a > 5 AND b = 'x'", compiled.getExpression());
        assertEquals("a > 5 AND b = 'x'", compiled.toString());
        assertTrue(compiled.matches(Map.of("a", "6", "b", "x")::get));
    }
}
