package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/** {@code IS NULL} / {@code IS NOT NULL}: TRUE or FALSE, never UNKNOWN. */
public final class IsNullNode extends BooleanNode {
    private final ValueNode value;
    private final boolean negated;

    public IsNullNode(ValueNode value, boolean negated) {
        this.value = value;
        this.negated = negated;
    }

    @Override
    public int eval(EvaluationContext context) {
        return Tri.of((value.value(context) == null) != negated);
    }
}
