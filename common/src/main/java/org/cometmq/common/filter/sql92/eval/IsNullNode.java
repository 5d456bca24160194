package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/** {@code IS NULL} / {@code IS NOT NULL}: TRUE or FALSE, or ERROR when computing the operand fails. */
public final class IsNullNode extends BooleanNode {
    private final ValueNode value;
    private final boolean negated;

    public IsNullNode(ValueNode value, boolean negated) {
        this.value = value;
        this.negated = negated;
    }

    @Override
    public int eval(EvaluationContext context) {
        Object v = value.value(context);
        return v == Values.ERROR ? Tri.ERROR : Tri.of((v == null) != negated);
    }
}
