package org.cometmq.test.filter;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Random SQL92 selectors and message property maps for the differential test. Expressions mix every operator of
 * RocketMQ 4.9.7's filter with operands of every kind (properties, integer/decimal/string/boolean/NULL literals,
 * negations, nested conditions), keywords in random case, comments, and some damage (dropped or inserted tokens,
 * trailing text, characters no token starts with), so both well-formed and malformed selectors are compared.
 * Property values lean towards text that looks numeric in some of Java's parsers and not others.
 */
final class Sql92CaseGenerator {
    private static final List<String> NAMES = List.of("a", "b", "c", "A", "x1", "$p", "_q", "TAGS", "KEYS");
    private static final List<String> VALUES = List.of(
        "0", "-0", "5", "+5", "-5", "007", "7", "10", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1.5", "-1.5", "7.5", ".5", "5.",
        "5.0", "-0.0", "0.0", "1e3", "1E-3", "-1e400", "1e400", "4.9e-324", "NaN", "-NaN", "Infinity",
        "-Infinity", "0x1p3", "0X1.8P1", " 5 ", "5 ", "\t7", "5f", "5d", "5D", "5L", "1_000", "\u0663",
        "\uff11\uff12", "\u0665.5", "true", "TRUE", "True", "false", "yes", "", " ", "x", "abc", "it's", "''",
        "\u00e9t\u00e9", "\u65e5\u672c", "a b", "TagA", "null", "NULL", "e", "1e", "+", "-", ".", "..5", "1.2.3");
    private static final List<String> STRING_LITERALS = List.of(
        "''", "'x'", "'abc'", "'5'", "'7.5'", "'-0'", "'true'", "'TRUE'", "'false'", "'it''s'", "''''",
        "'\u00e9t\u00e9'", "'\u65e5\u672c'", "' 5 '", "'NaN'", "'1e3'", "'TagA'", "'2147483648'", "'a b'", "'null'");
    private static final List<String> NUMBER_LITERALS = List.of(
        "0", "1", "5", "7", "10", "2147483647", "2147483648", "9223372036854775807", "9223372036854775808",
        "5L", "5l", "0L", "012", "1.5", "7.5", ".5", "5.", "5.0", "0.0", ".0", "0.", "1e3", "1E+3", "5e-1",
        "1e400", "1e-400", "4.9e-324", "1.7976931348623157e308", "00.5", "05e1", "1.e2", "3.14159");
    private static final List<String> GARBAGE = List.of(
        ")", "(", ",", "#", "!", "!=", "==", "LIKE", "'x%'", "CONTAINS", "b", "5", "+", "-", "*", ".", "a.b",
        "'open", "/* x", "/* c */", "-- c", "-- c\n", "\u00a0", "\u0130", "\u0131", "\u017f", "\u212a", "\u00e9",
        ";", "\"x\"", "[", "?", "@", "%", "&", "|", "\u000b", "NOT", "AND", "OR", "IS", "IN", "BETWEEN", "NULL");

    private final Random random;

    Sql92CaseGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** One selector; some are malformed on purpose. */
    String expression() {
        String expression = condition(random.nextInt(4));
        int damage = random.nextInt(12);
        if (damage == 0) {
            expression = expression + space() + pick(GARBAGE);
        } else if (damage == 1) {
            expression = insertAtSpace(expression, pick(GARBAGE));
        } else if (damage == 2) {
            expression = dropWord(expression);
        } else if (damage == 3) {
            expression = pick(GARBAGE) + space() + expression;
        }
        return expression;
    }

    /** A property map over the names that selectors use; each name is absent about a third of the time. */
    Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        for (String name : NAMES) {
            if (random.nextInt(3) != 0) {
                properties.put(name, value());
            }
        }
        return properties;
    }

    private String value() {
        switch (random.nextInt(6)) {
            case 0: return Long.toString(random.nextInt(21) - 10);
            case 1: return Long.toString(random.nextLong() >> random.nextInt(64));
            case 2: return Double.toString((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 10));
            case 3: return randomText();
            default: return pick(VALUES);
        }
    }

    private String condition(int depth) {
        int choice = random.nextInt(depth <= 0 ? 9 : 14);
        switch (choice) {
            case 0: case 1: case 2: return comparison(depth);
            case 3: return operand(depth) + space() + keyword("IS") + (random.nextBoolean() ? " " + keyword("NOT") : "")
                + " " + keyword("NULL");
            case 4: return between(depth);
            case 5: return in();
            case 6: return pick(NAMES);
            case 7: return keyword(pick(List.of("TRUE", "FALSE", "NULL")));
            case 8: return comparison(0);
            case 9: case 10: return condition(depth - 1) + " " + keyword(random.nextBoolean() ? "AND" : "OR") + " "
                + condition(depth - 1);
            case 11: return keyword("NOT") + " " + condition(depth - 1);
            default: return "(" + condition(depth - 1) + ")";
        }
    }

    private String comparison(int depth) {
        String op = pick(List.of("=", "<>", ">", ">=", "<", "<=", "=", ">"));
        String spacing = random.nextInt(4) == 0 ? "" : " ";
        return operand(depth) + spacing + op + spacing + operand(depth);
    }

    private String between(int depth) {
        String not = random.nextInt(3) == 0 ? keyword("NOT") + " " : "";
        return operand(depth) + " " + not + keyword("BETWEEN") + " " + operand(0) + " " + keyword("AND") + " "
            + operand(0);
    }

    private String in() {
        StringBuilder list = new StringBuilder();
        int items = 1 + random.nextInt(6);
        for (int i = 0; i < items; i++) {
            list.append(i == 0 ? "" : ", ").append(random.nextInt(12) == 0 ? pick(NUMBER_LITERALS)
                : random.nextInt(3) == 0 ? pickQuotedValue() : pick(STRING_LITERALS));
        }
        String left = random.nextInt(10) == 0 ? pick(NUMBER_LITERALS) : random.nextInt(10) == 0
            ? "(" + pick(NAMES) + ")" : pick(NAMES);
        String not = random.nextInt(3) == 0 ? keyword("NOT") + " " : "";
        return left + " " + not + keyword("IN") + " (" + list + ")";
    }

    private String operand(int depth) {
        int choice = random.nextInt(depth > 0 ? 12 : 10);
        switch (choice) {
            case 0: case 1: case 2: case 3: return pick(NAMES);
            case 4: case 5: return pick(NUMBER_LITERALS);
            case 6: return random.nextInt(2) == 0 ? pick(STRING_LITERALS) : pickQuotedValue();
            case 7: return keyword(pick(List.of("TRUE", "FALSE", "NULL")));
            case 8: return pick(List.of("-", "+", "- ", "+ ", "--", "NOT ")) + operand(depth - 1);
            case 9: return random.nextBoolean() ? Long.toString(random.nextLong() >>> random.nextInt(64))
                : Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(10)));
            default: return "(" + condition(depth - 1) + ")";
        }
    }

    private String pickQuotedValue() {
        return "'" + pick(VALUES).replace("'", "''") + "'";
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            text.append(pick(List.of("a", "7", "0", ".", "-", "+", "e", "E", " ", "'", "\u00e9", "\u0663", "x", "N")));
        }
        return text.toString();
    }

    private String keyword(String word) {
        switch (random.nextInt(6)) {
            case 0: return word.toLowerCase(Locale.ROOT);
            case 1: return word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
            default: return word;
        }
    }

    private String space() {
        switch (random.nextInt(8)) {
            case 0: return "\t";
            case 1: return "\n";
            case 2: return " /* c */ ";
            case 3: return " -- c\n";
            default: return " ";
        }
    }

    private String insertAtSpace(String expression, String insert) {
        int at = expression.indexOf(' ', random.nextInt(expression.length()));
        return at < 0 ? expression + " " + insert : expression.substring(0, at) + " " + insert + expression.substring(at);
    }

    private String dropWord(String expression) {
        String[] words = expression.split(" ");
        if (words.length < 2) {
            return expression;
        }
        int drop = random.nextInt(words.length);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i != drop) {
                text.append(text.length() == 0 ? "" : " ").append(words[i]);
            }
        }
        return text.toString();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
