package org.cometmq.common.filter.sql92.eval;

/**
 * Comparison rules shared by the compiled nodes. Property values arrive as strings; literals arrive as
 * {@code Long}, {@code Double}, {@code String} or {@code Boolean} boxed once at compile time.
 * <ul>
 *   <li>Ordering: both sides must read as numbers (strings via {@link NumericText}); two integers compare
 *       exactly, otherwise as doubles. Anything else is {@link #INCOMPARABLE} (the comparison is UNKNOWN).</li>
 *   <li>Equality: equal objects or two strings compare as strings; a Boolean against a string reads the
 *       string as {@code "true"} (any case) or false; otherwise as numbers.</li>
 * </ul>
 */
public final class Values {
    /** Result of a comparison that has no answer (non-numeric text, NaN, mixed types). */
    public static final int INCOMPARABLE = Integer.MIN_VALUE;

    private Values() {
    }

    /** Three-valued equality of two present values. */
    public static int equal(Object left, Object right) {
        if (left.equals(right)) {
            return Tri.TRUE;
        }
        if (left instanceof String && right instanceof String) {
            return Tri.FALSE;
        }
        if (left instanceof Boolean || right instanceof Boolean) {
            Boolean l = asBoolean(left);
            Boolean r = asBoolean(right);
            return l == null || r == null ? Tri.UNKNOWN : Tri.of(l.booleanValue() == r.booleanValue());
        }
        int comparison = compareNumbers(left, right);
        return comparison == INCOMPARABLE ? Tri.UNKNOWN : Tri.of(comparison == 0);
    }

    /** Sign of {@code left - right} as numbers, or {@link #INCOMPARABLE}. */
    public static int compareNumbers(Object left, Object right) {
        int leftKind = numericKind(left);
        if (leftKind == NumericText.NONE) {
            return INCOMPARABLE;
        }
        long leftLong = leftKind == NumericText.LONG ? longOf(left) : 0L;
        double leftDouble = leftKind == NumericText.DOUBLE ? doubleOf(left) : 0.0;
        return compareNumbers(leftKind, leftLong, leftDouble, right);
    }

    /**
     * Like {@link #compareNumbers(Object, Object)} with the left side already read (so BETWEEN parses its
     * value once): {@code leftLong} is used when {@code leftKind} is LONG, {@code leftDouble} when DOUBLE.
     */
    public static int compareNumbers(int leftKind, long leftLong, double leftDouble, Object right) {
        int rightKind = right == null ? NumericText.NONE : numericKind(right);
        if (rightKind == NumericText.NONE) {
            return INCOMPARABLE;
        }
        if (leftKind == NumericText.LONG && rightKind == NumericText.LONG) {
            return Long.compare(leftLong, longOf(right));
        }
        double l = leftKind == NumericText.LONG ? (double) leftLong : leftDouble;
        double r = rightKind == NumericText.LONG ? (double) longOf(right) : doubleOf(right);
        if (l < r) {
            return -1;
        }
        if (l > r) {
            return 1;
        }
        return l == r ? 0 : INCOMPARABLE;
    }

    /** {@link NumericText#LONG}, {@link NumericText#DOUBLE} or {@link NumericText#NONE} for a present value. */
    public static int numericKind(Object value) {
        if (value instanceof String) {
            return NumericText.kind((String) value);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NumericText.LONG;
        }
        return value instanceof Number ? NumericText.DOUBLE : NumericText.NONE;
    }

    /** The value of something {@link #numericKind} called LONG. */
    public static long longOf(Object value) {
        return value instanceof Number ? ((Number) value).longValue() : Long.parseLong((String) value);
    }

    /** The value of something {@link #numericKind} called DOUBLE. */
    public static double doubleOf(Object value) {
        return value instanceof Number ? ((Number) value).doubleValue() : Double.parseDouble((String) value);
    }

    private static Boolean asBoolean(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String) {
            return "true".equalsIgnoreCase((String) value);
        }
        return null;
    }
}
