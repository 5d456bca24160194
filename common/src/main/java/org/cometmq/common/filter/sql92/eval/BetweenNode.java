package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/**
 * {@code v BETWEEN lo AND hi} as {@code v >= lo AND v <= hi}, and NOT BETWEEN as {@code v < lo OR v > hi}, in
 * three-valued logic; the value is read and parsed once for both bounds.
 */
public final class BetweenNode extends BooleanNode {
    private final ValueNode value;
    private final ValueNode low;
    private final ValueNode high;
    private final boolean negated;

    public BetweenNode(ValueNode value, ValueNode low, ValueNode high, boolean negated) {
        this.value = value;
        this.low = low;
        this.high = high;
        this.negated = negated;
    }

    @Override
    public int eval(EvaluationContext context) {
        Object v = value.value(context);
        int kind = v == null ? NumericText.NONE : Values.numericKind(v);
        if (kind == NumericText.NONE) {
            return Tri.UNKNOWN;
        }
        long asLong = kind == NumericText.LONG ? Values.longOf(v) : 0L;
        double asDouble = kind == NumericText.DOUBLE ? Values.doubleOf(v) : 0.0;
        int toLow = Values.compareNumbers(kind, asLong, asDouble, low.value(context));
        int toHigh = Values.compareNumbers(kind, asLong, asDouble, high.value(context));
        if (negated) {
            return Tri.or(leg(toLow, toLow < 0), leg(toHigh, toHigh > 0));
        }
        return Tri.and(leg(toLow, toLow >= 0), leg(toHigh, toHigh <= 0));
    }

    private static int leg(int comparison, boolean holds) {
        return comparison == Values.INCOMPARABLE ? Tri.UNKNOWN : Tri.of(holds);
    }
}
