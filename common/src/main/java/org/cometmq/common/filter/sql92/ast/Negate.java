package org.cometmq.common.filter.sql92.ast;

/** Unary minus. */
public final class Negate extends Node {
    private final Node operand;

    public Negate(Node operand, int column) {
        super(column, operand);
        this.operand = operand;
    }

    public Node operand() {
        return operand;
    }

    @Override
    public String toString() {
        return "(-" + operand + ")";
    }
}
