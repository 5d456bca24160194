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
import org.cometmq.common.filter.sql92.ast.Node;
import org.cometmq.common.filter.sql92.ast.Not;
import org.cometmq.common.filter.sql92.ast.NullLiteral;
import org.cometmq.common.filter.sql92.ast.Property;
import org.cometmq.common.filter.sql92.ast.StringLiteral;

/**
 * Recursive-descent parser. Precedence, loosest first:
 * <pre>
 *   or         := and (OR and)*
 *   and        := not (AND not)*
 *   not        := NOT not | equality
 *   equality   := relational ( (= | &lt;&gt;) relational | IS [NOT] NULL )*
 *   relational := unary ( (&gt; | &gt;= | &lt; | &lt;=) unary | [NOT] BETWEEN unary AND unary
 *                        | [NOT] IN '(' string (',' string)* ')' )*
 *   unary      := + unary | - unary | primary
 *   primary    := literal | identifier | '(' or ')'
 * </pre>
 * Equality binding looser than ordering follows RocketMQ 4.9's grammar; NOT binding looser than comparisons
 * follows SQL (RocketMQ 4.9 binds it tighter, which makes {@code NOT a = 1} compare a boolean with 1).
 */
public final class Sql92Parser {
    /** Deepest nesting accepted, so neither parsing nor evaluation can exhaust the thread stack. */
    public static final int MAX_DEPTH = 100;

    private final String source;
    private final List<Token> tokens;
    private int pos;
    private int nesting;

    private Sql92Parser(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    /** The syntax tree of {@code source}; types are not checked here. */
    public static Node parse(String source) throws FilterException {
        Sql92Parser parser = new Sql92Parser(source, Sql92Lexer.tokenize(source));
        Node tree = parser.parseOr();
        parser.expect(TokenType.END, "end of input");
        return tree;
    }

    private Node parseOr() throws FilterException {
        return parseChain(LogicalOp.OR, TokenType.OR);
    }

    private Node parseChain(LogicalOp op, TokenType keyword) throws FilterException {
        Node first = op == LogicalOp.OR ? parseChain(LogicalOp.AND, TokenType.AND) : parseNot();
        if (peek() != keyword) {
            return first;
        }
        List<Node> operands = new ArrayList<>();
        operands.add(first);
        while (peek() == keyword) {
            pos++;
            operands.add(op == LogicalOp.OR ? parseChain(LogicalOp.AND, TokenType.AND) : parseNot());
        }
        return checked(new Logical(op, operands, first.column()));
    }

    private Node parseNot() throws FilterException {
        if (peek() != TokenType.NOT) {
            return parseEquality();
        }
        Token not = next();
        enter(not);
        Node operand = parseNot();
        nesting--;
        return checked(new Not(operand, not.column()));
    }

    private Node parseEquality() throws FilterException {
        Node left = parseRelational();
        while (true) {
            Token op = tokens.get(pos);
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

    private Node parseRelational() throws FilterException {
        Node left = parseUnary();
        while (true) {
            Token op = tokens.get(pos);
            CompareOp ordering = orderingOp(op.type());
            boolean negated = op.type() == TokenType.NOT && isBetweenOrIn(tokens.get(pos + 1).type());
            TokenType keyword = negated ? tokens.get(pos + 1).type() : op.type();
            if (ordering != null) {
                pos++;
                left = checked(new Comparison(ordering, left, parseUnary(), op.column()));
            } else if (isBetweenOrIn(keyword)) {
                pos += negated ? 2 : 1;
                left = checked(keyword == TokenType.BETWEEN
                    ? parseBetweenTail(left, negated, op.column()) : parseInTail(left, negated, op.column()));
            } else {
                return left;
            }
        }
    }

    private Node parseBetweenTail(Node value, boolean negated, int column) throws FilterException {
        Node low = parseUnary();
        expect(TokenType.AND, "AND");
        Node high = parseUnary();
        return new Between(value, low, high, negated, column);
    }

    private Node parseInTail(Node value, boolean negated, int column) throws FilterException {
        expect(TokenType.LPAREN, "'('");
        List<String> items = new ArrayList<>();
        items.add((String) expect(TokenType.STRING, "a string literal").value());
        while (accept(TokenType.COMMA)) {
            items.add((String) expect(TokenType.STRING, "a string literal").value());
        }
        expect(TokenType.RPAREN, "',' or ')'");
        return new In(value, items, negated, column);
    }

    private Node parseUnary() throws FilterException {
        TokenType type = peek();
        if (type != TokenType.PLUS && type != TokenType.MINUS) {
            return parsePrimary();
        }
        Token sign = next();
        enter(sign);
        Node operand = parseUnary();
        nesting--;
        return type == TokenType.PLUS ? operand : checked(new Negate(operand, sign.column()));
    }

    private Node parsePrimary() throws FilterException {
        Token token = tokens.get(pos);
        switch (token.type()) {
            case LONG: pos++; return new LongLiteral((Long) token.value(), token.column());
            case DOUBLE: pos++; return new DoubleLiteral((Double) token.value(), token.column());
            case STRING: pos++; return new StringLiteral((String) token.value(), token.column());
            case TRUE: pos++; return new BooleanLiteral(true, token.column());
            case FALSE: pos++; return new BooleanLiteral(false, token.column());
            case NULL: pos++; return new NullLiteral(token.column());
            case IDENTIFIER: pos++; return new Property(token.text(), token.column());
            case LPAREN:
                pos++;
                enter(token);
                Node inner = parseOr();
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

    private TokenType peek() {
        return tokens.get(pos).type();
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean accept(TokenType type) {
        if (peek() != type) {
            return false;
        }
        pos++;
        return true;
    }

    private Token expect(TokenType type, String expected) throws FilterException {
        Token token = tokens.get(pos);
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

    private Node checked(Node node) throws FilterException {
        if (node.depth() > MAX_DEPTH) {
            throw tooDeep(node.column());
        }
        return node;
    }

    private FilterException tooDeep(int column) {
        return FilterException.syntax(column, "expression nests deeper than " + MAX_DEPTH + " levels", source);
    }
}
