package org.cometmq.common.filter.sql92;

import org.cometmq.common.filter.sql92.eval.BooleanNode;
import org.cometmq.common.filter.sql92.eval.Tri;

/**
 * A compiled SQL92 property filter. Immutable and safe to share between threads; evaluation allocates nothing
 * for string properties compared with literals.
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

    /** True only when the expression is TRUE for these properties; FALSE and UNKNOWN (missing values) do not match. */
    public boolean matches(EvaluationContext context) {
        return root.eval(context) == Tri.TRUE;
    }

    /** {@code Boolean.TRUE}, {@code Boolean.FALSE}, or {@code null} when the result is UNKNOWN. */
    public Object evaluate(EvaluationContext context) {
        return Tri.toBoolean(root.eval(context));
    }

    @Override
    public String toString() {
        return expression;
    }
}
