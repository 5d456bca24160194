package org.cometmq.common.filter.sql92.ast;

/** A decimal literal such as {@code 1.5}, {@code .5}, {@code 5.} or {@code 1E3}. */
public final class DoubleLiteral extends ExpressionNode {
    private final double value;

    public DoubleLiteral(double value, int column) {
        super(column);
        this.value = value;
    }

    public double value() {
        return value;
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
