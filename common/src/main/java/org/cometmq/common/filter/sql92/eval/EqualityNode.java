package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/** {@code =} or {@code <>}: UNKNOWN when either side is missing or the two cannot be compared (see {@link Values}). */
public final class EqualityNode extends BooleanNode {
    private final ValueNode left;
    private final ValueNode right;
    private final boolean negated;

    public EqualityNode(ValueNode left, ValueNode right, boolean negated) {
        this.left = left;
        this.right = right;
        this.negated = negated;
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
        int equal = Values.equal(l, r);
        return negated ? Tri.not(equal) : equal;
    }
}
