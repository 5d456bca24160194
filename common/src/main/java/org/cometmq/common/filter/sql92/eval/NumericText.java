package org.cometmq.common.filter.sql92.eval;

/**
 * Recognizes numbers in property strings without regex, exceptions or allocation, so the parse that follows
 * ({@link Long#parseLong} or {@link Double#parseDouble}) cannot fail. Accepted: an optional sign, digits with an
 * optional fraction ({@code 7}, {@code -7.5}, {@code .5}, {@code 5.}) and an optional exponent ({@code 1e3}).
 * Not accepted: blanks, {@code NaN}, {@code Infinity}, hex, type suffixes.
 */
public final class NumericText {
    /** Not a number. */
    public static final int NONE = 0;
    /** An integer that fits a long (at most 18 digits, so parsing never overflows). */
    public static final int LONG = 1;
    /** Any other number, read as a double. */
    public static final int DOUBLE = 2;

    private static final int MAX_LONG_DIGITS = 18;

    private NumericText() {
    }

    /** {@link #NONE}, {@link #LONG} or {@link #DOUBLE}. */
    public static int kind(String text) {
        int n = text.length();
        int i = 0;
        if (n > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            i++;
        }
        int integerEnd = skipDigits(text, i);
        int integerDigits = integerEnd - i;
        i = integerEnd;
        if (i == n) {
            if (integerDigits == 0) {
                return NONE;
            }
            return integerDigits <= MAX_LONG_DIGITS ? LONG : DOUBLE;
        }
        int fractionDigits = 0;
        if (text.charAt(i) == '.') {
            int fractionEnd = skipDigits(text, i + 1);
            fractionDigits = fractionEnd - i - 1;
            i = fractionEnd;
        }
        if (integerDigits + fractionDigits == 0) {
            return NONE;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i = skipExponent(text, i + 1);
        }
        return i == n ? DOUBLE : NONE;
    }

    /** Index after the exponent's sign and digits, or -1 when no digit follows (never equals the length). */
    private static int skipExponent(String text, int start) {
        int i = start;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int end = skipDigits(text, i);
        return end == i ? -1 : end;
    }

    private static int skipDigits(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
