package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/** A compiled condition. */
public abstract class BooleanNode {
    /** {@link Tri#TRUE}, {@link Tri#FALSE}, {@link Tri#UNKNOWN} or {@link Tri#ERROR}; never throws. */
    public abstract int eval(EvaluationContext context);
}
