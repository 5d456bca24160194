package org.cometmq.common.filter.sql92;

import org.cometmq.common.filter.sql92.ast.ExpressionNode;
import org.cometmq.common.filter.sql92.eval.EvaluatorBuilder;
import org.cometmq.common.filter.sql92.parser.Sql92Parser;

/**
 * Compiles the SQL92 subset of RocketMQ 4.9.7's {@code MessageSelector.bySql}: comparisons {@code = <> > >= < <=},
 * {@code [NOT] BETWEEN}, {@code [NOT] IN} over string literals, {@code IS [NOT] NULL}, {@code AND OR NOT},
 * parentheses, unary {@code + -}; literals: integers (optional {@code L} suffix), decimals with exponent,
 * {@code 'strings'} with {@code ''} as a quote, {@code TRUE FALSE NULL}. It accepts and refuses exactly the
 * expressions 4.9.7 does (see the package documentation for the surprising ones).
 */
public final class Sql92Compiler {
    private Sql92Compiler() {
    }

    /** Parses and type-checks {@code expression} as 4.9.7 does; the result must be a boolean condition. */
    public static Sql92Expression compile(String expression) throws FilterException {
        if (expression == null) {
            throw new FilterException("SQL92 expression is null", 0, null);
        }
        ExpressionNode tree = Sql92Parser.parse(expression);
        return new Sql92Expression(expression, new EvaluatorBuilder(expression).buildCondition(tree));
    }
}
