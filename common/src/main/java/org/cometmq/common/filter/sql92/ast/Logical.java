package org.cometmq.common.filter.sql92.ast;

import java.util.List;

/** A chain {@code x AND y AND z} (or OR), kept flat so long chains do not nest deeply. */
public final class Logical extends ExpressionNode {
    private final LogicalOp op;
    private final List<ExpressionNode> operands;

    public Logical(LogicalOp op, List<ExpressionNode> operands, int column) {
        super(column, operands.toArray(new ExpressionNode[0]));
        this.op = op;
        this.operands = List.copyOf(operands);
    }

    public LogicalOp op() {
        return op;
    }

    public List<ExpressionNode> operands() {
        return operands;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < operands.size(); i++) {
            text.append(i == 0 ? "" : " " + op + " ").append(operands.get(i));
        }
        return text.append(')').toString();
    }
}
