package org.cometmq.common.filter.sql92.eval;

/**
 * RocketMQ 4.9.7's comparison of two present values. Property values arrive as strings; literals as
 * {@code Integer} (integers that fit an int), {@code Long}, {@code Double}, {@code String} or {@code Boolean},
 * boxed once at compile time. Values of one class compare naturally ({@link Double#compare} for doubles, so NaN is
 * the greatest and -0.0 is below 0.0). Otherwise the right-hand class decides how the left converts:
 * <ul>
 *   <li>Integer with Long or Double widens; Long with Double widens to double.</li>
 *   <li>A string against a number is read as that number's type with Java's own parser for it
 *       ({@code Integer.valueOf}, {@code Long.valueOf}, {@code Double.valueOf}); text that parser refuses is a
 *       failure, so {@code '7.5'} against the integer 5 fails (see {@link JavaNumberSyntax}).</li>
 *   <li>A string against a Boolean is {@code true} when it is "true" in any case; a Boolean on the left of a
 *       string fails (a cast error in 4.9.7).</li>
 *   <li>A Boolean against a number, or a number against a Boolean, is "less" ({@code -1}).</li>
 * </ul>
 * Nothing here allocates, except reading a long or exponent-form decimal string (see {@link JavaNumberSyntax}).
 */
public final class Values {
    /** A computed operand whose evaluation failed; never a real value. */
    public static final Object ERROR = new Object() {
        @Override
        public String toString() {
            return "ERROR";
        }
    };
    /** Result of a comparison that fails (4.9.7 throws). */
    public static final int FAILED = Integer.MIN_VALUE;

    private static final int BOOLEAN = 1;
    private static final int INTEGER = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int STRING = 5;
    private static final int OTHER = 6;

    private Values() {
    }

    /** Sign of {@code left} compared with {@code right} (both present), or {@link #FAILED}. */
    public static int compare(Object left, Object right) {
        int l = kind(left);
        int r = kind(right);
        if (l == r) {
            return sameKind(l, left, right);
        }
        switch (l) {
            case BOOLEAN: return r == STRING ? FAILED : -1;
            case INTEGER:
                return r == STRING ? integerWithString((Integer) left, (String) right) : widened(left, r, right);
            case LONG: return r == STRING ? longWithString((Long) left, (String) right) : widened(left, r, right);
            case DOUBLE: return r == STRING ? doubleWithString((Double) left, (String) right) : widened(left, r, right);
            case STRING: return stringWith((String) left, r, right);
            default: return -1;
        }
    }

    /** Both strings read as doubles, as 4.9.7's ordering operators do, or {@link #FAILED}. */
    public static int compareAsDoubles(String left, String right) {
        if (!JavaNumberSyntax.isDouble(left) || !JavaNumberSyntax.isDouble(right)) {
            return FAILED;
        }
        return Double.compare(JavaNumberSyntax.parseDouble(left), JavaNumberSyntax.parseDouble(right));
    }

    private static int kind(Object value) {
        if (value instanceof String) {
            return STRING;
        } else if (value instanceof Integer) {
            return INTEGER;
        } else if (value instanceof Long) {
            return LONG;
        } else if (value instanceof Double) {
            return DOUBLE;
        }
        return value instanceof Boolean ? BOOLEAN : OTHER;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int sameKind(int kind, Object left, Object right) {
        switch (kind) {
            case STRING: return Integer.signum(((String) left).compareTo((String) right));
            case INTEGER: return Integer.compare((Integer) left, (Integer) right);
            case LONG: return Long.compare((Long) left, (Long) right);
            case DOUBLE: return Double.compare((Double) left, (Double) right);
            case BOOLEAN: return Boolean.compare((Boolean) left, (Boolean) right);
            default:
                return left.getClass() == right.getClass() && left instanceof Comparable
                    ? Integer.signum(((Comparable) left).compareTo(right)) : -1;
        }
    }

    /** A number against a number of another kind (or a Boolean, which is "less"). */
    private static int widened(Object left, int rightKind, Object right) {
        if (rightKind != INTEGER && rightKind != LONG && rightKind != DOUBLE) {
            return -1;
        }
        if (left instanceof Double || rightKind == DOUBLE) {
            return Double.compare(((Number) left).doubleValue(), ((Number) right).doubleValue());
        }
        return Long.compare(((Number) left).longValue(), ((Number) right).longValue());
    }

    private static int integerWithString(Integer left, String right) {
        return JavaNumberSyntax.isInt(right) ? Integer.compare(left, Integer.parseInt(right)) : FAILED;
    }

    private static int longWithString(Long left, String right) {
        return JavaNumberSyntax.isLong(right) ? Long.compare(left, Long.parseLong(right)) : FAILED;
    }

    private static int doubleWithString(Double left, String right) {
        return JavaNumberSyntax.isDouble(right) ? Double.compare(left, JavaNumberSyntax.parseDouble(right)) : FAILED;
    }

    private static int stringWith(String left, int rightKind, Object right) {
        switch (rightKind) {
            case BOOLEAN: return Boolean.compare("true".equalsIgnoreCase(left), (Boolean) right);
            case INTEGER: return JavaNumberSyntax.isInt(left) ? Integer.compare(Integer.parseInt(left), (Integer) right)
                : FAILED;
            case LONG: return JavaNumberSyntax.isLong(left) ? Long.compare(Long.parseLong(left), (Long) right) : FAILED;
            case DOUBLE: return JavaNumberSyntax.isDouble(left)
                ? Double.compare(JavaNumberSyntax.parseDouble(left), (Double) right) : FAILED;
            default: return -1;
        }
    }
}
