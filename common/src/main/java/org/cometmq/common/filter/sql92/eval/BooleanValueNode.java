package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/** A condition used as an operand, e.g. {@code (a > 1) = TRUE}: a Boolean, null for UNKNOWN, or the error marker. */
public final class BooleanValueNode extends ValueNode {
    private final BooleanNode condition;

    public BooleanValueNode(BooleanNode condition) {
        this.condition = condition;
    }

    @Override
    public Object value(EvaluationContext context) {
        return Tri.toValue(condition.eval(context));
    }
}
