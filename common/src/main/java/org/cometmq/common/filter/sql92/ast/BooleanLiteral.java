package org.cometmq.common.filter.sql92.ast;

/** {@code TRUE} or {@code FALSE}. */
public final class BooleanLiteral extends ExpressionNode {
    private final boolean value;

    public BooleanLiteral(boolean value, int column) {
        super(column);
        this.value = value;
    }

    public boolean value() {
        return value;
    }

    @Override
    public String toString() {
        return value ? "TRUE" : "FALSE";
    }
}
