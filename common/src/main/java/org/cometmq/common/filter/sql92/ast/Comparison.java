package org.cometmq.common.filter.sql92.ast;

/** {@code left op right} for one of {@code = <> > >= < <=}; the column is the operator's. */
public final class Comparison extends Node {
    private final CompareOp op;
    private final Node left;
    private final Node right;

    public Comparison(CompareOp op, Node left, Node right, int column) {
        super(column, left, right);
        this.op = op;
        this.left = left;
        this.right = right;
    }

    public CompareOp op() {
        return op;
    }

    public Node left() {
        return left;
    }

    public Node right() {
        return right;
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol() + " " + right + ")";
    }
}
