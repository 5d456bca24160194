package org.cometmq.common.filter.sql92.eval;

/**
 * Three-valued logic as plain ints, so conditions evaluate without boxing. UNKNOWN comes from missing or
 * non-comparable values and never matches at the top level.
 */
public final class Tri {
    public static final int FALSE = 0;
    public static final int TRUE = 1;
    public static final int UNKNOWN = 2;

    private Tri() {
    }

    public static int of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** NOT: TRUE and FALSE swap, UNKNOWN stays. */
    public static int not(int value) {
        return value == UNKNOWN ? UNKNOWN : TRUE - value;
    }

    /** Three-valued AND of two values. */
    public static int and(int a, int b) {
        if (a == FALSE || b == FALSE) {
            return FALSE;
        }
        return a == UNKNOWN || b == UNKNOWN ? UNKNOWN : TRUE;
    }

    /** Three-valued OR of two values. */
    public static int or(int a, int b) {
        if (a == TRUE || b == TRUE) {
            return TRUE;
        }
        return a == UNKNOWN || b == UNKNOWN ? UNKNOWN : FALSE;
    }

    /** {@code Boolean.TRUE}, {@code Boolean.FALSE}, or null for UNKNOWN. */
    public static Boolean toBoolean(int value) {
        return value == UNKNOWN ? null : value == TRUE ? Boolean.TRUE : Boolean.FALSE;
    }
}
