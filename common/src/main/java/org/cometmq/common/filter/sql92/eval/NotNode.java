package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/** Logical NOT; UNKNOWN and ERROR stay. */
public final class NotNode extends BooleanNode {
    private final BooleanNode operand;

    public NotNode(BooleanNode operand) {
        this.operand = operand;
    }

    @Override
    public int eval(EvaluationContext context) {
        return Tri.not(operand.eval(context));
    }
}
