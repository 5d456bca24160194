package org.cometmq.common.filter.sql92.ast;

/** {@code value [NOT] BETWEEN low AND high}, bounds inclusive. */
public final class Between extends ExpressionNode {
    private final ExpressionNode value;
    private final ExpressionNode low;
    private final ExpressionNode high;
    private final boolean negated;

    public Between(ExpressionNode value, ExpressionNode low, ExpressionNode high, boolean negated, int column) {
        super(column, value, low, high);
        this.value = value;
        this.low = low;
        this.high = high;
        this.negated = negated;
    }

    public ExpressionNode value() {
        return value;
    }

    public ExpressionNode low() {
        return low;
    }

    public ExpressionNode high() {
        return high;
    }

    public boolean negated() {
        return negated;
    }

    @Override
    public String toString() {
        return "(" + value + (negated ? " NOT" : "") + " BETWEEN " + low + " AND " + high + ")";
    }
}
