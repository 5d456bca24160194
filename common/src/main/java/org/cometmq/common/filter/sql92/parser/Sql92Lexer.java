package org.cometmq.common.filter.sql92.parser;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.common.filter.sql92.FilterException;

/**
 * Splits an expression into tokens. Whitespace, {@code -- line} and {@code /* block *}{@code /} comments are
 * skipped. Identifiers are {@code [A-Za-z_$][A-Za-z0-9_$]*}; integers are {@code 0} or {@code [1-9][0-9]*} with an
 * optional {@code L}; decimals are {@code 1.5}, {@code 1.}, {@code .5}, each with an optional exponent, or
 * {@code 5E10}. Hex and octal forms do not exist in this language, as in RocketMQ 4.9.
 */
public final class Sql92Lexer {
    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Sql92Lexer(String source) {
        this.source = source;
    }

    /** All tokens of {@code source}, ending with one {@link TokenType#END}. */
    public static List<Token> tokenize(String source) throws FilterException {
        Sql92Lexer lexer = new Sql92Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() throws FilterException {
        while (true) {
            skipBlanksAndComments();
            if (pos >= source.length()) {
                tokens.add(new Token(TokenType.END, "", null, pos + 1));
                return;
            }
            char c = source.charAt(pos);
            if (isIdentifierStart(c)) {
                readWord();
            } else if (isDigit(c) || (c == '.' && isDigit(charAt(pos + 1)))) {
                readNumber();
            } else if (c == '\'') {
                readString();
            } else {
                readSymbol(c);
            }
        }
    }

    private void skipBlanksAndComments() throws FilterException {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '-' && charAt(pos + 1) == '-') {
                while (pos < source.length() && source.charAt(pos) != '\n' && source.charAt(pos) != '\r') {
                    pos++;
                }
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

    private void readWord() {
        int start = pos;
        while (pos < source.length() && isIdentifierPart(source.charAt(pos))) {
            pos++;
        }
        String word = source.substring(start, pos);
        tokens.add(new Token(TokenType.keywordOrIdentifier(word), word, null, start + 1));
    }

    private void readNumber() throws FilterException {
        int start = pos;
        skipDigits();
        boolean decimal = false;
        if (charAt(pos) == '.') {
            pos++;
            skipDigits();
            decimal = true;
        }
        if (isExponentAhead()) {
            pos++;
            if (charAt(pos) == '+' || charAt(pos) == '-') {
                pos++;
            }
            skipDigits();
            decimal = true;
        }
        if (decimal) {
            addDouble(start);
        } else {
            addLong(start);
        }
    }

    private boolean isExponentAhead() {
        char e = charAt(pos);
        if (e != 'e' && e != 'E') {
            return false;
        }
        char next = charAt(pos + 1);
        return isDigit(next) || ((next == '+' || next == '-') && isDigit(charAt(pos + 2)));
    }

    private void addDouble(int start) throws FilterException {
        String text = source.substring(start, pos);
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw FilterException.syntax(start + 1, "number " + text + " is too large for a double", source);
        }
        tokens.add(new Token(TokenType.DOUBLE, text, value, start + 1));
    }

    private void addLong(int start) throws FilterException {
        String digits = source.substring(start, pos);
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw FilterException.syntax(start + 1, "number " + digits + " has a leading zero (octal is not supported)",
                source);
        }
        if (charAt(pos) == 'l' || charAt(pos) == 'L') {
            pos++;
        }
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            throw FilterException.syntax(start + 1, "number " + digits + " is too large for a long", source);
        }
        tokens.add(new Token(TokenType.LONG, source.substring(start, pos), value, start + 1));
    }

    private void readString() throws FilterException {
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
        tokens.add(new Token(TokenType.STRING, source.substring(start, pos), value.toString(), start + 1));
    }

    private void readSymbol(char c) throws FilterException {
        int start = pos;
        TokenType type = symbolType(c, charAt(pos + 1));
        if (type == null) {
            throw FilterException.syntax(start + 1, "unexpected character " + describeChar(c), source);
        }
        pos += (type == TokenType.NE || type == TokenType.GE || type == TokenType.LE) ? 2 : 1;
        tokens.add(new Token(type, source.substring(start, pos), null, start + 1));
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

    private void skipDigits() {
        while (isDigit(charAt(pos))) {
            pos++;
        }
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
