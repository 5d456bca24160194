package org.cometmq.common.filter.sql92.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** {@link JavaNumberSyntax} must answer exactly as the JDK parsers it stands for, on chosen and random text. */
class JavaNumberSyntaxTest {
    private static final List<String> CHOSEN = List.of(
        "", " ", "0", "-0", "+0", "5", "+5", "-5", "+", "-", "+-5", "05", "007", " 5", "5 ", "\t5\n", "5.", ".5",
        ".", "5.0", "-.5", "+.5e1", "1e3", "1E-3", "1e", "1e+", "e5", "1.2.3", "..5", "5..", "1e3.5", "5f", "5F",
        "5d", "5D", "5L", "5.5f", "5ff", "1_000", "NaN", "-NaN", "+NaN", "nan", "NaNx", "Infinity", "-Infinity",
        "infinity", "Infinityx", "0x10", "0x1p3", "-0X1.8P1", "0x.8p1", "0x1", "0x1p", "0x1.p2d", " 0x1p3 ",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "99999999999999999999", "1e400", "-1e400", "4.9e-324",
        "\u0665", "\u0663\u0660", "\uff11\uff12", "-\u0665", "\u0665.5", "\u00a05", "5\u00a0", "\u20005", "\u00005",
        "5\u0000", "1e5\u0000", "abc", "true", "0.0", "-0.0", "00.000", "0e0", "0.1", "0.1f", "3.14159",
        "123456789012345", "1234567890123456", "0.000000000000000000001", "0.0000000000000000000001234",
        "9007199254740993", "999999999999999.9", "-7.5", "+7.5", " 7.5 ", "1.7976931348623157e308", "4.9e-324");

    @Test
    void randomDecimalsHaveTheJdkValue() {
        Random random = new Random(11L);
        for (int i = 0; i < 20_000; i++) {
            String digits = Long.toString(random.nextLong() >>> random.nextInt(64));
            int point = random.nextInt(digits.length() + 1);
            String text = (random.nextBoolean() ? "-" : "") + digits.substring(0, point) + "." + digits.substring(point)
                + (random.nextInt(4) == 0 ? "0".repeat(random.nextInt(30)) : "");
            assertAllAgree(text);
            assertAllAgree(Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)));
        }
    }

    @Test
    void chosenTextIsJudgedLikeTheJdk() {
        for (String text : CHOSEN) {
            assertAllAgree(text);
        }
    }

    @Test
    void randomTextIsJudgedLikeTheJdk() {
        Random random = new Random(7L);
        String alphabet = "0123456789+-.eExXpPfFdDlLNaIny \t\u0000\u0665\uff11";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(9);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertAllAgree(text.toString());
        }
    }

    private static void assertAllAgree(String text) {
        List<String> differences = new ArrayList<>();
        compare("int", text, JavaNumberSyntax::isInt, Integer::parseInt, differences);
        compare("long", text, JavaNumberSyntax::isLong, Long::parseLong, differences);
        compare("double", text, JavaNumberSyntax::isDouble, Double::parseDouble, differences);
        if (JavaNumberSyntax.isDouble(text)
            && Double.doubleToRawLongBits(JavaNumberSyntax.parseDouble(text))
                != Double.doubleToRawLongBits(Double.parseDouble(text))) {
            differences.add("double value " + JavaNumberSyntax.parseDouble(text) + ", JDK " + Double.parseDouble(text));
        }
        assertEquals(List.of(), differences, "'" + text + "'");
    }

    private static void compare(String kind, String text, Predicate<String> ours, Parser jdk,
        List<String> differences) {
        boolean jdkAccepts;
        try {
            jdk.parse(text);
            jdkAccepts = true;
        } catch (NumberFormatException refused) {
            jdkAccepts = false;
        }
        if (ours.test(text) != jdkAccepts) {
            differences.add(kind + ": JDK " + jdkAccepts);
        }
    }

    @FunctionalInterface
    private interface Parser {
        Object parse(String text);
    }
}
