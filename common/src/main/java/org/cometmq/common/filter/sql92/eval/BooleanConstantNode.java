package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/** TRUE, FALSE, or UNKNOWN for a {@code NULL} literal used as a condition. */
public final class BooleanConstantNode extends BooleanNode {
    private final int value;

    public BooleanConstantNode(int value) {
        this.value = value;
    }

    @Override
    public int eval(EvaluationContext context) {
        return value;
    }
}
