package org.cometmq.common.filter.sql92.ast;

/** A quoted string literal, already unescaped ({@code 'it''s'} holds {@code it's}). */
public final class StringLiteral extends ExpressionNode {
    private final String value;

    public StringLiteral(String value, int column) {
        super(column);
        this.value = value;
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return quote(value);
    }

    /** The SQL form of a string value: single quotes, inner quotes doubled. */
    public static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
