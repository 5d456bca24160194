package org.cometmq.common.filter.sql92.ast;

/** {@code value IS [NOT] NULL}: always TRUE or FALSE, never UNKNOWN. */
public final class IsNull extends ExpressionNode {
    private final ExpressionNode value;
    private final boolean negated;

    public IsNull(ExpressionNode value, boolean negated, int column) {
        super(column, value);
        this.value = value;
        this.negated = negated;
    }

    public ExpressionNode value() {
        return value;
    }

    public boolean negated() {
        return negated;
    }

    @Override
    public String toString() {
        return "(" + value + (negated ? " IS NOT NULL)" : " IS NULL)");
    }
}
