package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/** Reads one property from the context. */
public final class PropertyNode extends ValueNode {
    private final String name;

    public PropertyNode(String name) {
        this.name = name;
    }

    @Override
    public Object value(EvaluationContext context) {
        return context.get(name);
    }
}
