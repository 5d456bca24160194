package org.cometmq.common.filter.sql92.parser;

import org.cometmq.common.filter.sql92.FilterException;

/**
 * Reads one token at a time, on demand, as RocketMQ 4.9's generated token manager does: a character that starts
 * no token is an error only once the parser asks for the token there, so text after a complete expression that
 * the parser never looks at is not checked (4.9 accepts {@code a = 1 ) #}).
 *
 * <p>Token rules (4.9.7's): blanks are space, tab, CR, LF and FF; {@code -- line} comments need a line end (without
 * one, {@code --} is two minus signs); {@code /* block *}{@code /} comments. Identifiers are
 * {@code [A-Za-z_$][A-Za-z0-9_$]*}; keywords match in any case. Integers are {@code 0} or {@code [1-9][0-9]*} with
 * an optional {@code L} (so {@code 012} is the two tokens {@code 0} and {@code 12}, and {@code 0L} is {@code 0} and
 * the identifier {@code L}); decimals are {@code 1.5}, {@code 1.}, {@code .5}, each with an optional exponent, or
 * {@code 5E10}. The longest match wins.
 */
public final class Sql92Lexer {
    private final String source;
    private int pos;

    public Sql92Lexer(String source) {
        this.source = source;
    }

    /** The next token; {@link TokenType#END} at (and after) the end of the input. */
    public Token next() throws FilterException {
        skipBlanksAndComments();
        if (pos >= source.length()) {
            return new Token(TokenType.END, "", null, pos + 1);
        }
        char c = source.charAt(pos);
        if (isIdentifierStart(c)) {
            return readWord();
        } else if (isDigit(c) || c == '.') {
            return readNumber();
        } else if (c == '\'') {
            return readString();
        }
        return readSymbol(c);
    }

    private void skipBlanksAndComments() throws FilterException {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '-' && charAt(pos + 1) == '-' && lineEndAfter(pos + 2) >= 0) {
                pos = lineEndAfter(pos + 2) + 1;
            } else if (c == '/' && charAt(pos + 1) == '*') {
                int end = source.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw FilterException.syntax(pos + 1, "unterminated comment", source);
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    /** Index of the first CR or LF at or after {@code from}, or -1: a line comment without one is no comment. */
    private int lineEndAfter(int from) {
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    private Token readWord() {
        int start = pos;
        while (pos < source.length() && isIdentifierPart(source.charAt(pos))) {
            pos++;
        }
        String word = source.substring(start, pos);
        return new Token(TokenType.keywordOrIdentifier(word), word, null, start + 1);
    }

    private Token readNumber() throws FilterException {
        int start = pos;
        int digitsEnd = skipDigits(pos);
        boolean decimal = false;
        int end = digitsEnd;
        if (charAt(end) == '.') {
            int fractionEnd = skipDigits(end + 1);
            if (digitsEnd == start && fractionEnd == end + 1) {
                throw FilterException.syntax(start + 1, "unexpected character '.'", source);
            }
            end = fractionEnd;
            decimal = true;
        }
        int exponentEnd = exponentEnd(end);
        if (exponentEnd > end) {
            end = exponentEnd;
            decimal = true;
        }
        if (decimal) {
            pos = end;
            return new Token(TokenType.DOUBLE, source.substring(start, pos), null, start + 1);
        }
        // "0" is a whole integer token: 012 is 0 then 12, and 0L is 0 then the identifier L
        pos = source.charAt(start) == '0' ? start + 1 : digitsEnd;
        if (source.charAt(start) != '0' && (charAt(pos) == 'l' || charAt(pos) == 'L')) {
            pos++;
        }
        return new Token(TokenType.LONG, source.substring(start, pos), null, start + 1);
    }

    /** End of an exponent {@code E[+-]digits} starting at {@code at}, or {@code at} when there is none. */
    private int exponentEnd(int at) {
        char e = charAt(at);
        if (e != 'e' && e != 'E') {
            return at;
        }
        int digitsAt = (charAt(at + 1) == '+' || charAt(at + 1) == '-') ? at + 2 : at + 1;
        int digitsEnd = skipDigits(digitsAt);
        return digitsEnd > digitsAt ? digitsEnd : at;
    }

    private Token readString() throws FilterException {
        int start = pos;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= source.length()) {
                throw FilterException.syntax(start + 1, "unterminated string literal", source);
            }
            char c = source.charAt(pos++);
            if (c != '\'') {
                value.append(c);
            } else if (charAt(pos) == '\'') {
                value.append('\'');
                pos++;
            } else {
                break;
            }
        }
        return new Token(TokenType.STRING, source.substring(start, pos), value.toString(), start + 1);
    }

    private Token readSymbol(char c) throws FilterException {
        int start = pos;
        TokenType type = symbolType(c, charAt(pos + 1));
        if (type == null) {
            throw FilterException.syntax(start + 1, "unexpected character " + describeChar(c), source);
        }
        pos += (type == TokenType.NE || type == TokenType.GE || type == TokenType.LE) ? 2 : 1;
        return new Token(type, source.substring(start, pos), null, start + 1);
    }

    private static TokenType symbolType(char c, char next) {
        switch (c) {
            case '=': return TokenType.EQ;
            case '<': return next == '>' ? TokenType.NE : next == '=' ? TokenType.LE : TokenType.LT;
            case '>': return next == '=' ? TokenType.GE : TokenType.GT;
            case '(': return TokenType.LPAREN;
            case ')': return TokenType.RPAREN;
            case ',': return TokenType.COMMA;
            case '+': return TokenType.PLUS;
            case '-': return TokenType.MINUS;
            default: return null;
        }
    }

    private static String describeChar(char c) {
        if (c < 0x20 || c > 0x7e) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private int skipDigits(int from) {
        int i = from;
        while (isDigit(charAt(i))) {
            i++;
        }
        return i;
    }

    /** The character at {@code index}, or NUL past the end (NUL matches no token rule). */
    private char charAt(int index) {
        return index < source.length() ? source.charAt(index) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
