package org.cometmq.common.filter.sql92.eval;

/**
 * The results of a condition as plain ints, so conditions evaluate without boxing. UNKNOWN comes from missing
 * values; ERROR is where RocketMQ 4.9.7's evaluation throws (e.g. {@code a > 5} with {@code a = 'x'}), which its
 * broker treats as "no match" for the whole message. Neither matches at the top level.
 */
public final class Tri {
    public static final int FALSE = 0;
    public static final int TRUE = 1;
    public static final int UNKNOWN = 2;
    public static final int ERROR = 3;

    private Tri() {
    }

    public static int of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** NOT: TRUE and FALSE swap, UNKNOWN and ERROR stay. */
    public static int not(int value) {
        return value >= UNKNOWN ? value : TRUE - value;
    }

    /** {@code Boolean.TRUE}, {@code Boolean.FALSE}, null for UNKNOWN, or {@link Values#ERROR}. */
    public static Object toValue(int value) {
        switch (value) {
            case TRUE: return Boolean.TRUE;
            case FALSE: return Boolean.FALSE;
            case UNKNOWN: return null;
            default: return Values.ERROR;
        }
    }

    /** {@code Boolean.TRUE}, {@code Boolean.FALSE}, or null for UNKNOWN and ERROR. */
    public static Boolean toBoolean(int value) {
        return value == TRUE ? Boolean.TRUE : value == FALSE ? Boolean.FALSE : null;
    }
}
