package org.cometmq.common.filter.sql92;

import org.cometmq.common.filter.sql92.eval.BooleanNode;
import org.cometmq.common.filter.sql92.eval.Tri;

/**
 * A compiled SQL92 property filter. Immutable and safe to share between threads; evaluation allocates nothing
 * for string properties compared with literals, except when reading a decimal string as a double.
 */
public final class Sql92Expression {
    private final String expression;
    private final BooleanNode root;

    Sql92Expression(String expression, BooleanNode root) {
        this.expression = expression;
        this.root = root;
    }

    /** The source text this expression was compiled from. */
    public String getExpression() {
        return expression;
    }

    /**
     * True only when the expression is TRUE for these properties; FALSE, UNKNOWN (missing values) and a failed
     * evaluation (e.g. {@code a > 5} with {@code a = 'x'}; 4.9.7 throws and its broker skips the message) do not.
     */
    public boolean matches(EvaluationContext context) {
        return root.eval(context) == Tri.TRUE;
    }

    /** {@code Boolean.TRUE}, {@code Boolean.FALSE}, or {@code null} when the result is UNKNOWN or evaluation failed. */
    public Object evaluate(EvaluationContext context) {
        return Tri.toBoolean(root.eval(context));
    }

    @Override
    public String toString() {
        return expression;
    }
}
