package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/** A compiled operand: a property, a literal, or a computed value. */
public abstract class ValueNode {
    /** The value, null when it is missing, or {@link Values#ERROR} when computing it failed. */
    public abstract Object value(EvaluationContext context);
}
