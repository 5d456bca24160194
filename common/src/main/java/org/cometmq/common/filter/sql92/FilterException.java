package org.cometmq.common.filter.sql92;

/**
 * A SQL92 filter expression that cannot be compiled. The message names the 1-based column of the problem, what
 * was expected or wrong there, and the expression itself, e.g.
 * {@code Syntax error at column 7: expected ')' but found end of input in 'a > (5'}.
 */
public class FilterException extends Exception {
    private static final long serialVersionUID = 1L;
    /** Longer expressions are cut in messages so a hostile subscription cannot flood the log. */
    private static final int MAX_ECHO_CHARS = 200;

    private final int column;
    private final String expression;

    public FilterException(String message, int column, String expression) {
        super(message);
        this.column = column;
        this.expression = expression;
    }

    /** A malformed expression: bad character, unexpected token, missing operand. */
    public static FilterException syntax(int column, String detail, String expression) {
        return new FilterException(format("Syntax error", column, detail, expression), column, expression);
    }

    /** A well-formed expression whose parts do not fit together, e.g. {@code a > 'x'} or {@code 5}. */
    public static FilterException type(int column, String detail, String expression) {
        return new FilterException(format("Type error", column, detail, expression), column, expression);
    }

    /** 1-based character position of the problem in the expression (length + 1 for end of input). */
    public int getColumn() {
        return column;
    }

    /** The expression as given to the compiler. */
    public String getExpression() {
        return expression;
    }

    private static String format(String kind, int column, String detail, String expression) {
        return kind + " at column " + column + ": " + detail + " in '" + shorten(expression, MAX_ECHO_CHARS) + "'";
    }

    /** The text cut to {@code max} characters, marking the cut with "...". */
    public static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
