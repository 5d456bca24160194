package org.cometmq.common.filter.sql92.parser;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.common.filter.sql92.FilterException;
import org.cometmq.common.filter.sql92.ast.Between;
import org.cometmq.common.filter.sql92.ast.BooleanLiteral;
import org.cometmq.common.filter.sql92.ast.CompareOp;
import org.cometmq.common.filter.sql92.ast.Comparison;
import org.cometmq.common.filter.sql92.ast.DoubleLiteral;
import org.cometmq.common.filter.sql92.ast.In;
import org.cometmq.common.filter.sql92.ast.IsNull;
import org.cometmq.common.filter.sql92.ast.Logical;
import org.cometmq.common.filter.sql92.ast.LogicalOp;
import org.cometmq.common.filter.sql92.ast.LongLiteral;
import org.cometmq.common.filter.sql92.ast.Negate;
import org.cometmq.common.filter.sql92.ast.ExpressionNode;
import org.cometmq.common.filter.sql92.ast.Not;
import org.cometmq.common.filter.sql92.ast.NullLiteral;
import org.cometmq.common.filter.sql92.ast.Property;
import org.cometmq.common.filter.sql92.ast.StringLiteral;

/**
 * Recursive-descent parser with RocketMQ 4.9.7's grammar, precedence loosest first:
 * <pre>
 *   or         := and (OR and)*
 *   and        := equality (AND equality)*
 *   equality   := relational ( (= | &lt;&gt;) relational | IS [NOT] NULL )*
 *   relational := unary ( (&gt; | &gt;= | &lt; | &lt;=) unary | [NOT] BETWEEN unary AND unary
 *                        | [NOT] IN '(' string (',' string)* ')' )*
 *   unary      := + unary | - unary | NOT unary | primary
 *   primary    := literal | identifier | '(' or ')'
 * </pre>
 * As in 4.9.7, NOT binds tighter than comparisons ({@code NOT a = 1} is {@code (NOT a) = 1}), and parsing stops
 * after the first complete expression: tokens the grammar cannot continue with are left unread ({@code a = 1 b}
 * is {@code a = 1}). The parser asks the lexer for exactly the tokens 4.9.7's parser looks at, so a bad character
 * is an error exactly where it is one in 4.9.7.
 */
public final class Sql92Parser {
    /** Deepest nesting accepted, so neither parsing nor evaluation can exhaust the thread stack. */
    public static final int MAX_DEPTH = 100;

    private final String source;
    private final Sql92Lexer lexer;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int nesting;

    private Sql92Parser(String source) {
        this.source = source;
        this.lexer = new Sql92Lexer(source);
    }

    /** The syntax tree of {@code source}; types are not checked here. */
    public static ExpressionNode parse(String source) throws FilterException {
        return new Sql92Parser(source).parseOr();
    }

    private ExpressionNode parseOr() throws FilterException {
        return parseChain(LogicalOp.OR, TokenType.OR);
    }

    private ExpressionNode parseChain(LogicalOp op, TokenType keyword) throws FilterException {
        ExpressionNode first = op == LogicalOp.OR ? parseChain(LogicalOp.AND, TokenType.AND) : parseEquality();
        if (peek() != keyword) {
            return first;
        }
        List<ExpressionNode> operands = new ArrayList<>();
        operands.add(first);
        while (peek() == keyword) {
            pos++;
            operands.add(op == LogicalOp.OR ? parseChain(LogicalOp.AND, TokenType.AND) : parseEquality());
        }
        return checked(new Logical(op, operands, first.column()));
    }

    private ExpressionNode parseEquality() throws FilterException {
        ExpressionNode left = parseRelational();
        while (true) {
            Token op = token(0);
            if (op.type() == TokenType.EQ || op.type() == TokenType.NE) {
                pos++;
                CompareOp compare = op.type() == TokenType.EQ ? CompareOp.EQ : CompareOp.NE;
                left = checked(new Comparison(compare, left, parseRelational(), op.column()));
            } else if (op.type() == TokenType.IS) {
                pos++;
                boolean negated = accept(TokenType.NOT);
                expect(TokenType.NULL, "NULL");
                left = checked(new IsNull(left, negated, op.column()));
            } else {
                return left;
            }
        }
    }

    private ExpressionNode parseRelational() throws FilterException {
        ExpressionNode left = parseUnary();
        while (true) {
            Token op = token(0);
            CompareOp ordering = orderingOp(op.type());
            if (ordering != null) {
                pos++;
                left = checked(new Comparison(ordering, left, parseUnary(), op.column()));
            } else if (isBetweenOrIn(op.type()) || op.type() == TokenType.NOT) {
                boolean negated = op.type() == TokenType.NOT;
                TokenType keyword = negated ? token(1).type() : op.type();
                if (!isBetweenOrIn(keyword)) {
                    // 4.9.7 reads NOT after an operand as the start of NOT BETWEEN / NOT IN, and fails otherwise
                    throw unexpected(token(1), "BETWEEN or IN");
                }
                pos += negated ? 2 : 1;
                left = checked(keyword == TokenType.BETWEEN
                    ? parseBetweenTail(left, negated, op.column()) : parseInTail(left, negated, op.column()));
            } else {
                return left;
            }
        }
    }

    private ExpressionNode parseBetweenTail(ExpressionNode value, boolean negated, int column) throws FilterException {
        ExpressionNode low = parseUnary();
        expect(TokenType.AND, "AND");
        ExpressionNode high = parseUnary();
        return new Between(value, low, high, negated, column);
    }

    private ExpressionNode parseInTail(ExpressionNode value, boolean negated, int column) throws FilterException {
        expect(TokenType.LPAREN, "'('");
        List<String> items = new ArrayList<>();
        items.add((String) expect(TokenType.STRING, "a string literal").value());
        while (accept(TokenType.COMMA)) {
            items.add((String) expect(TokenType.STRING, "a string literal").value());
        }
        expect(TokenType.RPAREN, "',' or ')'");
        return new In(value, items, negated, column);
    }

    private ExpressionNode parseUnary() throws FilterException {
        TokenType type = peek();
        if (type != TokenType.PLUS && type != TokenType.MINUS && type != TokenType.NOT) {
            return parsePrimary();
        }
        Token sign = next();
        enter(sign);
        ExpressionNode operand = parseUnary();
        nesting--;
        if (type == TokenType.PLUS) {
            return operand;
        }
        return checked(type == TokenType.MINUS ? new Negate(operand, sign.column()) : new Not(operand, sign.column()));
    }

    private ExpressionNode parsePrimary() throws FilterException {
        Token token = token(0);
        switch (token.type()) {
            case LONG: pos++; return LiteralText.integer(token, source);
            case DOUBLE: pos++; return LiteralText.decimal(token, source);
            case STRING: pos++; return new StringLiteral((String) token.value(), token.column());
            case TRUE: pos++; return new BooleanLiteral(true, token.column());
            case FALSE: pos++; return new BooleanLiteral(false, token.column());
            case NULL: pos++; return new NullLiteral(token.column());
            case IDENTIFIER: pos++; return new Property(token.text(), token.column());
            case LPAREN:
                pos++;
                enter(token);
                ExpressionNode inner = parseOr();
                expect(TokenType.RPAREN, "')'");
                nesting--;
                return inner;
            default:
                throw unexpected(token, "an expression");
        }
    }

    private static CompareOp orderingOp(TokenType type) {
        switch (type) {
            case GT: return CompareOp.GT;
            case GE: return CompareOp.GE;
            case LT: return CompareOp.LT;
            case LE: return CompareOp.LE;
            default: return null;
        }
    }

    private static boolean isBetweenOrIn(TokenType type) {
        return type == TokenType.BETWEEN || type == TokenType.IN;
    }

    /** The token {@code ahead} places after the current one, read from the lexer only now that it is needed. */
    private Token token(int ahead) throws FilterException {
        while (tokens.size() <= pos + ahead) {
            Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
            tokens.add(last != null && last.type() == TokenType.END ? last : lexer.next());
        }
        return tokens.get(pos + ahead);
    }

    private TokenType peek() throws FilterException {
        return token(0).type();
    }

    private Token next() throws FilterException {
        Token token = token(0);
        pos++;
        return token;
    }

    private boolean accept(TokenType type) throws FilterException {
        if (peek() != type) {
            return false;
        }
        pos++;
        return true;
    }

    private Token expect(TokenType type, String expected) throws FilterException {
        Token token = token(0);
        if (token.type() != type) {
            throw unexpected(token, expected);
        }
        pos++;
        return token;
    }

    private FilterException unexpected(Token found, String expected) {
        return FilterException.syntax(found.column(), "expected " + expected + " but found " + found.describe(), source);
    }

    private void enter(Token at) throws FilterException {
        if (++nesting > MAX_DEPTH) {
            throw tooDeep(at.column());
        }
    }

    private ExpressionNode checked(ExpressionNode node) throws FilterException {
        if (node.depth() > MAX_DEPTH) {
            throw tooDeep(node.column());
        }
        return node;
    }

    private FilterException tooDeep(int column) {
        return FilterException.syntax(column, "expression nests deeper than " + MAX_DEPTH + " levels", source);
    }
}
