package org.cometmq.common.filter.sql92.ast;

/** An integer literal such as {@code 42} or {@code 42L}. */
public final class LongLiteral extends ExpressionNode {
    private final long value;

    public LongLiteral(long value, int column) {
        super(column);
        this.value = value;
    }

    public long value() {
        return value;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
