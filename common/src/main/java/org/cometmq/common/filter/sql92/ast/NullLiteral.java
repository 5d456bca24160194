package org.cometmq.common.filter.sql92.ast;

/** {@code NULL}: as a condition it is UNKNOWN; it may not be compared with {@code =} (use {@code IS NULL}). */
public final class NullLiteral extends ExpressionNode {
    public NullLiteral(int column) {
        super(column);
    }

    @Override
    public String toString() {
        return "NULL";
    }
}
