package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/**
 * Unary minus over a non-constant operand (negated literals are folded at compile time): null when the value is
 * missing or not a number. Allocates a box per call; negated properties are rare in filters.
 */
public final class NegateNode extends ValueNode {
    private final ValueNode operand;

    public NegateNode(ValueNode operand) {
        this.operand = operand;
    }

    @Override
    public Object value(EvaluationContext context) {
        Object v = operand.value(context);
        int kind = v == null ? NumericText.NONE : Values.numericKind(v);
        if (kind == NumericText.LONG) {
            long l = Values.longOf(v);
            return l == Long.MIN_VALUE ? (Object) (-(double) l) : (Object) (-l);
        }
        return kind == NumericText.DOUBLE ? (Object) (-Values.doubleOf(v)) : null;
    }
}
