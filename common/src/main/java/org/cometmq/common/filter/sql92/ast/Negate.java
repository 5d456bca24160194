package org.cometmq.common.filter.sql92.ast;

/** Unary minus. */
public final class Negate extends ExpressionNode {
    private final ExpressionNode operand;

    public Negate(ExpressionNode operand, int column) {
        super(column, operand);
        this.operand = operand;
    }

    public ExpressionNode operand() {
        return operand;
    }

    @Override
    public String toString() {
        return "(-" + operand + ")";
    }
}
