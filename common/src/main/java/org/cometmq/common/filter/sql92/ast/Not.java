package org.cometmq.common.filter.sql92.ast;

/** Logical {@code NOT}. */
public final class Not extends Node {
    private final Node operand;

    public Not(Node operand, int column) {
        super(column, operand);
        this.operand = operand;
    }

    public Node operand() {
        return operand;
    }

    @Override
    public String toString() {
        return "(NOT " + operand + ")";
    }
}
