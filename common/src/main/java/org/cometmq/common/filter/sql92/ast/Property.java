package org.cometmq.common.filter.sql92.ast;

/** A reference to a message property by name (case-sensitive). */
public final class Property extends ExpressionNode {
    private final String name;

    public Property(String name, int column) {
        super(column);
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
