package org.cometmq.common.filter.sql92.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericTextTest {
    /** Reference grammar, used only here: sign, digits with optional fraction, optional exponent. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,18}");

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "7 | 1", "-7 | 1", "+7 | 1", "000 | 1", "123456789012345678 | 1", "-123456789012345678 | 1",
        "1234567890123456789 | 2", "7.5 | 2", "7. | 2", ".5 | 2", "-.5 | 2", "1e3 | 2", "1E+3 | 2", "1.5e-3 | 2",
        "\"\" | 0", "\" 7\" | 0", "\"7 \" | 0", "+ | 0", "- | 0", ". | 0", "e3 | 0", "1e | 0", "1e+ | 0",
        "1.2.3 | 0", "0x10 | 0", "NaN | 0", "Infinity | 0", "7d | 0", "7L | 0", "1_000 | 0", "--7 | 0",
    })
    void classifies(String text, int kind) {
        assertEquals(kind, NumericText.kind(text));
    }

    @Test
    void agreesWithTheReferenceGrammarAndNeverBreaksTheParsers() {
        Random random = new Random(99L);
        String alphabet = "0123456789+-.eE x";
        int[] byKind = new int[3];
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            int expected = INTEGER.matcher(s).matches() ? NumericText.LONG
                : NUMBER.matcher(s).matches() ? NumericText.DOUBLE : NumericText.NONE;
            int kind = NumericText.kind(s);
            assertEquals(expected, kind, s);
            if (kind == NumericText.LONG) {
                assertEquals(new BigDecimal(s).longValueExact(), Values.longOf(s), s);
            } else if (kind == NumericText.DOUBLE) {
                assertEquals(new BigDecimal(s).doubleValue(), Values.doubleOf(s), 0.0, s);
            }
            byKind[kind]++;
        }
        assertEquals("[14757, 3878, 1365]", java.util.Arrays.toString(byKind));
    }
}
