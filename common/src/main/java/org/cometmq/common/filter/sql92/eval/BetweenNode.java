package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;
import org.cometmq.common.filter.sql92.ast.CompareOp;

/**
 * {@code v BETWEEN lo AND hi} as 4.9.7 builds it, {@code v >= lo AND v <= hi}, and NOT BETWEEN as
 * {@code v < lo OR v > hi}, with the same order and short cuts; the value is computed once for both legs.
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
        int first = RelationalNode.compare(v, negated ? CompareOp.LT : CompareOp.GE, low, context);
        int decisive = negated ? Tri.TRUE : Tri.FALSE;
        if (first == decisive || first == Tri.ERROR) {
            return first;
        }
        int second = RelationalNode.compare(v, negated ? CompareOp.GT : CompareOp.LE, high, context);
        if (second == decisive || second == Tri.ERROR) {
            return second;
        }
        return first == Tri.UNKNOWN || second == Tri.UNKNOWN ? Tri.UNKNOWN : Tri.not(decisive);
    }
}
