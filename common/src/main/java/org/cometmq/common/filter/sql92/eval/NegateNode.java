package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/**
 * Unary minus over an operand that is not a number literal (those are folded at compile time). In 4.9.7 only
 * numbers negate and every other value (a property's string, a condition's Boolean) gives null, so this node is
 * null for message properties, except that computing a condition operand may fail, which stays an ERROR. (A
 * context that supplies numbers gets them negated, boxing a new value.)
 */
public final class NegateNode extends ValueNode {
    private final ValueNode operand;

    public NegateNode(ValueNode operand) {
        this.operand = operand;
    }

    @Override
    public Object value(EvaluationContext context) {
        Object v = operand.value(context);
        if (v instanceof Integer) {
            return -(Integer) v;
        } else if (v instanceof Long) {
            return -(Long) v;
        } else if (v instanceof Double) {
            return -(Double) v;
        }
        return v == Values.ERROR ? Values.ERROR : null;
    }
}
