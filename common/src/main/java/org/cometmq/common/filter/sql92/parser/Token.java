package org.cometmq.common.filter.sql92.parser;

import org.cometmq.common.filter.sql92.FilterException;

/**
 * One lexical token.
 *
 * @param text   the source text as written (for strings: with quotes)
 * @param value  the unescaped {@code String} of a string literal; else null (numbers are read by the parser)
 * @param column 1-based start position in the source
 */
public record Token(TokenType type, String text, Object value, int column) {
    private static final int MAX_DESCRIBED_CHARS = 40;

    /** How error messages name this token: {@code end of input}, {@code 'AND'}, {@code string 'x'}. */
    public String describe() {
        if (type == TokenType.END) {
            return "end of input";
        }
        String shown = FilterException.shorten(text, MAX_DESCRIBED_CHARS);
        return type == TokenType.STRING ? "string " + shown : "'" + shown + "'";
    }
}
