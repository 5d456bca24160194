package org.cometmq.common.filter.sql92.ast;

/** Logical {@code NOT}. */
public final class Not extends ExpressionNode {
    private final ExpressionNode operand;

    public Not(ExpressionNode operand, int column) {
        super(column, operand);
        this.operand = operand;
    }

    public ExpressionNode operand() {
        return operand;
    }

    @Override
    public String toString() {
        return "(NOT " + operand + ")";
    }
}
