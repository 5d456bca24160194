package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/**
 * A bare property used as a condition: UNKNOWN when missing, its value when it is a {@code Boolean}, FALSE for
 * anything else. As in RocketMQ 4.9, a string property {@code "true"} is not a Boolean and gives FALSE.
 */
public final class BooleanCastNode extends BooleanNode {
    private final ValueNode operand;

    public BooleanCastNode(ValueNode operand) {
        this.operand = operand;
    }

    @Override
    public int eval(EvaluationContext context) {
        Object value = operand.value(context);
        if (value == null) {
            return Tri.UNKNOWN;
        }
        return value instanceof Boolean ? Tri.of((Boolean) value) : Tri.FALSE;
    }
}
