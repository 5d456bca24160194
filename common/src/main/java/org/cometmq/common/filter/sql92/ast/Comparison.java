package org.cometmq.common.filter.sql92.ast;

/** {@code left op right} for one of {@code = <> > >= < <=}; the column is the operator's. */
public final class Comparison extends ExpressionNode {
    private final CompareOp op;
    private final ExpressionNode left;
    private final ExpressionNode right;

    public Comparison(CompareOp op, ExpressionNode left, ExpressionNode right, int column) {
        super(column, left, right);
        this.op = op;
        this.left = left;
        this.right = right;
    }

    public CompareOp op() {
        return op;
    }

    public ExpressionNode left() {
        return left;
    }

    public ExpressionNode right() {
        return right;
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol() + " " + right + ")";
    }
}
