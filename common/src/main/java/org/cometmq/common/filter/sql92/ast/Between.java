package org.cometmq.common.filter.sql92.ast;

/** {@code value [NOT] BETWEEN low AND high}, bounds inclusive. */
public final class Between extends Node {
    private final Node value;
    private final Node low;
    private final Node high;
    private final boolean negated;

    public Between(Node value, Node low, Node high, boolean negated, int column) {
        super(column, value, low, high);
        this.value = value;
        this.low = low;
        this.high = high;
        this.negated = negated;
    }

    public Node value() {
        return value;
    }

    public Node low() {
        return low;
    }

    public Node high() {
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
