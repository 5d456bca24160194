package org.cometmq.common.filter.sql92.parser;

import org.cometmq.common.filter.sql92.FilterException;
import org.cometmq.common.filter.sql92.ast.DoubleLiteral;
import org.cometmq.common.filter.sql92.ast.LongLiteral;

/**
 * Turns number tokens into literals when the parser takes them (a number the parser never reaches is never
 * checked, as in RocketMQ 4.9.7). The ranges are 4.9.7's: integers must fit a long, and decimals must lie between
 * {@link Double#MIN_VALUE} and {@link Double#MAX_VALUE}, so {@code 0.0} and {@code 1e-400} are rejected (write
 * {@code 0}); negative numbers are the unary minus applied to these.
 */
final class LiteralText {
    private LiteralText() {
    }

    static LongLiteral integer(Token token, String source) throws FilterException {
        String text = token.text();
        char last = text.charAt(text.length() - 1);
        String digits = last == 'l' || last == 'L' ? text.substring(0, text.length() - 1) : text;
        try {
            return new LongLiteral(Long.parseLong(digits), token.column());
        } catch (NumberFormatException tooLarge) {
            throw FilterException.syntax(token.column(), "number " + digits + " is too large for a long", source);
        }
    }

    static DoubleLiteral decimal(Token token, String source) throws FilterException {
        double value = Double.parseDouble(token.text());
        if (Double.isInfinite(value)) {
            throw FilterException.syntax(token.column(), "number " + token.text() + " is too large for a double",
                source);
        }
        if (value < Double.MIN_VALUE) {
            throw FilterException.syntax(token.column(), "decimal " + token.text()
                + " is below the smallest accepted decimal " + Double.MIN_VALUE + " (write 0 for zero)", source);
        }
        return new DoubleLiteral(value, token.column());
    }
}
