package org.cometmq.test.filter;

import java.util.HashMap;
import java.util.Map;

/**
 * Hand-picked selectors where RocketMQ 4.9.7's filter behaves in ways a reader would not guess; each row is an
 * expression followed by property name/value pairs. The differential test checks that CometMQ agrees on each.
 */
final class Sql92EdgeCases {
    static final Object[][] CASES = {
        // NOT binds tighter than comparisons: (NOT a) = 1, (NOT a) IS NULL
        {"NOT a = 1", "a", "x"}, {"NOT a = 1"}, {"NOT a IS NULL"}, {"NOT a IS NULL", "a", "x"},
        {"NOT a > 1", "a", "5"}, {"NOT a BETWEEN 1 AND 2"}, {"NOT a IN ('x')"}, {"NOT NOT a = 1", "a", "1"},
        {"NOT (a = 1)", "a", "2"}, {"NOT TRUE = FALSE"}, {"NOT NULL"}, {"NULL"}, {"- NOT a = 1", "a", "1"},
        // a property that is not a number in a numeric comparison: the whole message does not match
        {"a > 5 OR b = 'x'", "a", "abc", "b", "x"}, {"b = 'x' OR a > 5", "a", "abc", "b", "x"},
        {"NOT (a > 5)", "a", "abc"}, {"a > 5", "a", "7.5"}, {"a > 5.0", "a", "7.5"}, {"a = 5", "a", "5.0"},
        {"a = 5", "a", " 5"}, {"a = 5.0", "a", " 5 "}, {"a = 5.0", "a", "5f"}, {"a = 5", "a", "+5"},
        {"a = 5", "a", "\u0665"}, {"a = 5.0", "a", "\u0665"}, {"a > b", "a", "NaN", "b", "1"},
        {"a = 5", "a", "2147483648"}, {"a = 2147483648", "a", "2147483648"}, {"a < 0.0001", "a", "-0.0"},
        {"a = 1", "a", "0x1p0"}, {"a = 1.0", "a", "0x1p0"}, {"a > b", "a", " 2 ", "b", "1e0"},
        // literal forms: '7.5' > 5 and 0.0 are rejected; 0L and 012 stop the parse after the 0
        {"'7.5' > 5"}, {"a = 0.0"}, {"a = .0"}, {"a = 1e-400"}, {"a = 4.9e-324", "a", "0"}, {"a = 1e400"},
        {"a = 0L", "a", "0"}, {"a = 012", "a", "0"}, {"a > 0L AND b = 1", "a", "5"}, {"a = 9223372036854775807"},
        {"a = 9223372036854775808"}, {"a = -9223372036854775808"}, {"a = 5L", "a", "5"}, {"a = 00.5", "a", ".5"},
        // text after a complete expression is not read, unless the parser peeks at a bad character
        {"a = 1 )", "a", "1"}, {"a = 1 ) #", "a", "1"}, {"a = 1 #", "a", "1"}, {"a = 1 b = 2", "a", "1"},
        {"a LIKE 'x%'", "a", "x"}, {"a NOT LIKE 'x%'"}, {"a CONTAINS 'x'"}, {"a = 1 -- c", "a", "1"},
        {"a = -- c", "a", "x"}, {"a = 1 /* c", "a", "1"}, {"a = 1 'x", "a", "1"}, {"a + 1"}, {"(a = 1))"},
        {"a.b = 1"}, {"a != 1"}, {"a = 1 .", "a", "1"}, {"a NOT b"}, {"a IS 5"}, {"a = 1 IS"},
        // missing values: = is not symmetric
        {"5 = a"}, {"a = 5"}, {"a = b"}, {"a <> b"}, {"5 <> a"}, {"NOT (5 = a)"}, {"a = -NULL"},
        {"a = -NULL", "a", "1"}, {"a IS NULL"}, {"a IS NOT NULL", "a", ""}, {"NULL IS NULL"},
        // booleans
        {"5 = TRUE"}, {"TRUE = 5"}, {"'x' = TRUE"}, {"TRUE = 'x'"}, {"a = TRUE", "a", "TRUE"},
        {"TRUE = a", "a", "true"}, {"a", "a", "true"}, {"(a > 1) = 'x'", "a", "5"}, {"'x' = (a > 1)", "a", "5"},
        {"(a > 1) = 5", "a", "5"}, {"a IN ('x') = TRUE", "a", "x"}, {"TRUE = TRUE"}, {"NULL = a"},
        // BETWEEN and IN
        {"a BETWEEN 5 AND 1"}, {"a NOT BETWEEN 5 AND 1", "a", "3"}, {"a BETWEEN -5 AND -10", "a", "-7"},
        {"a BETWEEN 1 AND 1.5", "a", "1"}, {"a BETWEEN 1.5 AND 1"}, {"a BETWEEN NULL AND 5"},
        {"a BETWEEN b AND 10", "a", "5"}, {"a BETWEEN 1 AND 10", "a", "x"}, {"a BETWEEN 'a' AND 'z'"},
        {"(a) IN ('x')", "a", "x"}, {"5 IN ('5')"}, {"a IN (5)"}, {"a NOT IN ('x', 'y')"},
        {"a NOT IN ('x', 'y')", "a", "z"}, {"a IN ('x','y','z','w','v','u')", "a", "v"},
        // negation and plus
        {"-a > 5", "a", "-10"}, {"a = - -5", "a", "5"}, {"a = ++1", "a", "1"}, {"-'x' = a"}, {"-a"},
        {"a > -(b > 1)", "a", "5", "b", "x"}, {"a = - -2147483648", "a", "2147483648"},
        // lexical corners
        {"K = 1"}, {"\u212a = 1"}, {"\u0131d = 1"}, {"a\u00a0= 1"}, {"a\u000b= 1"}, {"a\f= 1", "a", "1"},
        {"$x_1 = 1", "$x_1", "1"}, {"nOt tRuE"}, {""}, {"   "}, {"-- comment"}, {"-- comment\nTRUE"},
        {"/* c */ TRUE"}, {"/**/TRUE"}, {"a = 'it''s'", "a", "it's"}, {"a = '\u65e5\u672c'", "a", "\u65e5\u672c"},
        {"5"}, {"'x'"}, {"(5)"}, {"a AND 5"}, {"NOT 5"}, {"TRUE AND NULL"}, {"NULL OR TRUE"},
        {"a > 5 > 2"}, {"a = 1 = 2", "a", "1"}, {"a = 1 = TRUE", "a", "1"}, {"a IS NULL IS NULL"},
    };

    private Sql92EdgeCases() {
    }

    static Map<String, String> properties(Object[] edge) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 1; i + 1 < edge.length; i += 2) {
            properties.put((String) edge[i], (String) edge[i + 1]);
        }
        return properties;
    }
}
