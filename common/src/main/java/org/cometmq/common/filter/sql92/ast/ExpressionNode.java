package org.cometmq.common.filter.sql92.ast;

/**
 * A node of the parsed expression tree. {@link #toString()} prints the fully parenthesized form, which makes
 * precedence visible ({@code a OR b AND c} prints as {@code (a OR (b AND c))}).
 */
public abstract class ExpressionNode {
    private final int column;
    private final int depth;

    protected ExpressionNode(int column, ExpressionNode... children) {
        this.column = column;
        int deepest = 0;
        for (ExpressionNode child : children) {
            deepest = Math.max(deepest, child.depth);
        }
        this.depth = deepest + 1;
    }

    /** 1-based position in the source where this node's token (operator or literal) starts. */
    public int column() {
        return column;
    }

    /** Levels of nesting below and including this node; the parser bounds it so evaluation cannot overflow the stack. */
    public int depth() {
        return depth;
    }
}
