package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;
import org.cometmq.common.filter.sql92.ast.CompareOp;

/**
 * {@code > >= < <=}: UNKNOWN when the left value is missing (the right one is then not computed) or the right one
 * is; two strings are both read as doubles; otherwise {@link Values#compare}. A failed conversion is an ERROR.
 */
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
        return compare(left.value(context), op, right, context);
    }

    /** {@code l op right} with the left value already computed (BETWEEN computes it once for both bounds). */
    static int compare(Object l, CompareOp op, ValueNode right, EvaluationContext context) {
        // 4.9.7 casts each side to Comparable as it computes it, so a non-comparable left fails before the right
        if (l == Values.ERROR || (l != null && !(l instanceof Comparable))) {
            return Tri.ERROR;
        }
        if (l == null) {
            return Tri.UNKNOWN;
        }
        Object r = right.value(context);
        if (r == Values.ERROR || (r != null && !(r instanceof Comparable))) {
            return Tri.ERROR;
        }
        if (r == null) {
            return Tri.UNKNOWN;
        }
        int comparison = l instanceof String && r instanceof String
            ? Values.compareAsDoubles((String) l, (String) r) : Values.compare(l, r);
        return comparison == Values.FAILED ? Tri.ERROR : Tri.of(op.accepts(comparison));
    }
}
