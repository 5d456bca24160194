package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/**
 * {@code =} or {@code <>} (the negation of {@code =}), with 4.9.7's treatment of missing values, which is not
 * symmetric: both missing is TRUE; only the left missing is UNKNOWN; only the right missing is FALSE. Present
 * values compare by {@link Values#compare}; a value that cannot be converted is an ERROR.
 */
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
        int equal = equal(left.value(context), right.value(context));
        return negated ? Tri.not(equal) : equal;
    }

    private static int equal(Object l, Object r) {
        if (l == Values.ERROR || r == Values.ERROR) {
            return Tri.ERROR;
        }
        if (l == null || r == null) {
            return l == r ? Tri.TRUE : l == null ? Tri.UNKNOWN : Tri.FALSE;
        }
        if (l.equals(r)) {
            return Tri.TRUE;
        }
        if (!(l instanceof Comparable) || !(r instanceof Comparable)) {
            return Tri.FALSE;
        }
        int comparison = Values.compare(l, r);
        return comparison == Values.FAILED ? Tri.ERROR : Tri.of(comparison == 0);
    }
}
