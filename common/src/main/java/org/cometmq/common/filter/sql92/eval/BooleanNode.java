package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/** A compiled condition. */
public abstract class BooleanNode {
    /** {@link Tri#TRUE}, {@link Tri#FALSE} or {@link Tri#UNKNOWN}; never throws for any property values. */
    public abstract int eval(EvaluationContext context);
}
