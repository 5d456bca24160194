package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/** A literal, boxed once at compile time. */
public final class ConstantNode extends ValueNode {
    private final Object constant;

    public ConstantNode(Object constant) {
        this.constant = constant;
    }

    /** The literal's value ({@code Long}, {@code Double}, {@code String}, {@code Boolean}). */
    public Object constant() {
        return constant;
    }

    @Override
    public Object value(EvaluationContext context) {
        return constant;
    }
}
