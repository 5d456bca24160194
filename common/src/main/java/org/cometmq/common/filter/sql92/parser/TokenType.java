package org.cometmq.common.filter.sql92.parser;

/** Kinds of lexical tokens. Keywords are matched case-insensitively; {@code LIKE} is not one in RocketMQ 4.9.7. */
public enum TokenType {
    NOT, AND, OR, BETWEEN, IN, IS, TRUE, FALSE, NULL,
    IDENTIFIER, LONG, DOUBLE, STRING,
    EQ, NE, GT, GE, LT, LE, LPAREN, RPAREN, COMMA, PLUS, MINUS,
    END;

    /** The keyword type for an identifier-shaped word, or {@link #IDENTIFIER}. */
    static TokenType keywordOrIdentifier(String word) {
        switch (word.toUpperCase(java.util.Locale.ROOT)) {
            case "NOT": return NOT;
            case "AND": return AND;
            case "OR": return OR;
            case "BETWEEN": return BETWEEN;
            case "IN": return IN;
            case "IS": return IS;
            case "TRUE": return TRUE;
            case "FALSE": return FALSE;
            case "NULL": return NULL;
            default: return IDENTIFIER;
        }
    }
}
