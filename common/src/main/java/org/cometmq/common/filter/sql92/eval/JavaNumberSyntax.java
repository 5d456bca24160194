package org.cometmq.common.filter.sql92.eval;

import java.util.regex.Pattern;

/**
 * Tells, without exceptions or allocation, whether Java's own parsers accept a string, because RocketMQ 4.9.7
 * converts property text with them and a refused text fails the comparison:
 * <ul>
 *   <li>{@link #isInt}/{@link #isLong}: {@link Integer#parseInt}/{@link Long#parseLong}: an optional sign, then
 *       one or more decimal digits of any script ({@link Character#digit}), within range; no blanks.</li>
 *   <li>{@link #isDouble}: {@link Double#parseDouble}: blanks and control characters around are ignored; an
 *       optional sign; {@code NaN}, {@code Infinity}, a hexadecimal float ({@code 0x1.8p1}) or ASCII digits with
 *       an optional point and exponent; an optional {@code f F d D} suffix.</li>
 * </ul>
 * After a yes, the Java parser itself computes the value and cannot throw.
 */
public final class JavaNumberSyntax {
    private static final Pattern HEX_FLOAT = Pattern.compile(
        "([-+])?0[xX](((\\p{XDigit}+)\\.?)|((\\p{XDigit}*)\\.(\\p{XDigit}+)))[pP]([-+])?(\\p{Digit}+)[fFdD]?");

    /** Up to 15 decimal digits always fit a double's 53-bit mantissa exactly. */
    private static final int MAX_EXACT_DIGITS = 15;
    /** 10^22 is the largest power of ten a double holds exactly. */
    private static final int MAX_EXACT_POWER = 22;
    private static final double[] POWERS_OF_TEN = new double[MAX_EXACT_POWER + 1];

    static {
        POWERS_OF_TEN[0] = 1.0;
        for (int i = 1; i <= MAX_EXACT_POWER; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private JavaNumberSyntax() {
    }

    /** Whether {@link Integer#parseInt(String)} accepts {@code text}. */
    public static boolean isInt(String text) {
        return fitsLong(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Whether {@link Long#parseLong(String)} accepts {@code text}. */
    public static boolean isLong(String text) {
        return fitsLong(text, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static boolean fitsLong(String text, long min, long max) {
        int length = text.length();
        if (length == 0) {
            return false;
        }
        int i = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first < '0') {
            if (first != '-' && first != '+') {
                return false;
            }
            negative = first == '-';
            i = 1;
            if (length == 1) {
                return false;
            }
        }
        // accumulate negatively, like the JDK, so the most negative value fits
        long limit = negative ? min : -max;
        long multiplyMin = limit / 10;
        long result = 0;
        for (; i < length; i++) {
            int digit = Character.digit(text.charAt(i), 10);
            if (digit < 0 || result < multiplyMin) {
                return false;
            }
            result *= 10;
            if (result < limit + digit) {
                return false;
            }
            result -= digit;
        }
        return true;
    }

    /** Whether {@link Double#parseDouble(String)} accepts {@code text}. */
    public static boolean isDouble(String text) {
        int start = trimmedStart(text);
        int end = trimmedEnd(text, start);
        int i = start;
        if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        if (i >= end) {
            return false;
        }
        char c = text.charAt(i);
        if (c == 'N' || c == 'I') {
            String word = c == 'N' ? "NaN" : "Infinity";
            return end - i == word.length() && text.startsWith(word, i);
        }
        if (c == '0' && i + 1 < end && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')) {
            // rare enough that a regex match (which allocates) is acceptable
            return HEX_FLOAT.matcher(text.subSequence(start, end)).matches();
        }
        return isDecimal(text, i, end);
    }

    /**
     * The value of a text {@link #isDouble} accepted, exactly as {@link Double#parseDouble} computes it. Plain
     * decimals with at most 15 significant digits and a power of ten up to 22 are computed without allocating
     * (an exact long mantissa and an exact power of ten make one correctly rounded operation); others go to the JDK.
     */
    public static double parseDouble(String text) {
        int start = trimmedStart(text);
        int end = trimmedEnd(text, start);
        boolean negative = start < end && text.charAt(start) == '-';
        int i = start < end && (text.charAt(start) == '-' || text.charAt(start) == '+') ? start + 1 : start;
        long mantissa = 0;
        int significant = 0;
        int scale = 0;
        boolean point = false;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                point = true;
            } else if (c >= '0' && c <= '9') {
                if (mantissa == 0 && c == '0') {
                    scale -= point ? 1 : 0;
                    continue;
                }
                if (++significant > MAX_EXACT_DIGITS) {
                    return Double.parseDouble(text);
                }
                mantissa = mantissa * 10 + (c - '0');
                scale -= point ? 1 : 0;
            } else {
                break;
            }
        }
        if (i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            return Double.parseDouble(text);
        }
        if (i < end && text.charAt(i) != 'f' && text.charAt(i) != 'F' && text.charAt(i) != 'd' && text.charAt(i) != 'D') {
            return Double.parseDouble(text);
        }
        if (mantissa != 0 && -scale > MAX_EXACT_POWER) {
            return Double.parseDouble(text);
        }
        double value = mantissa == 0 ? 0.0 : (double) mantissa / POWERS_OF_TEN[-scale];
        return negative ? -value : value;
    }

    /** Where {@link String#trim} would start: after the characters up to U+0020. */
    private static int trimmedStart(String text) {
        int start = 0;
        while (start < text.length() && text.charAt(start) <= ' ') {
            start++;
        }
        return start;
    }

    /** Where {@link String#trim} would end, given its start. */
    private static int trimmedEnd(String text, int start) {
        int end = text.length();
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }

    private static boolean isDecimal(String text, int from, int end) {
        int i = from;
        int digits = 0;
        boolean point = false;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentStart = i;
            while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == exponentStart) {
                return false;
            }
        }
        if (i == end) {
            return true;
        }
        char suffix = text.charAt(i);
        return i == end - 1 && (suffix == 'f' || suffix == 'F' || suffix == 'd' || suffix == 'D');
    }
}
