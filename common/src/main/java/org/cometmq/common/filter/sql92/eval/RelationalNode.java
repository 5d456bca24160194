package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;
import org.cometmq.common.filter.sql92.ast.CompareOp;

/** {@code > >= < <=} on numbers; string values are read as numbers, and UNKNOWN when they are not numbers. */
public final class RelationalNode extends BooleanNode {
    private final ValueNode left;
    private final CompareOp op;
    private final ValueNode right;

    public RelationalNode(ValueNode left, CompareOp op, ValueNode right) {
        this.left = left;
        this.op = op;
        this.right = right;
    }

    @Override
    public int eval(EvaluationContext context) {
        Object l = left.value(context);
        if (l == null) {
            return Tri.UNKNOWN;
        }
        Object r = right.value(context);
        if (r == null) {
            return Tri.UNKNOWN;
        }
        int comparison = Values.compareNumbers(l, r);
        return comparison == Values.INCOMPARABLE ? Tri.UNKNOWN : Tri.of(op.accepts(comparison));
    }
}
