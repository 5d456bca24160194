package org.cometmq.common.filter.sql92.eval;

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
 * Type-checks a syntax tree and turns it into evaluation nodes, boxing literals once. The checks are RocketMQ
 * 4.9.7's, no more and no fewer:
 * <ul>
 *   <li>the whole expression and the operands of AND, OR and NOT must be conditions; a property counts (as a
 *       boolean cast), a NULL literal counts, numbers, strings and negations do not;</li>
 *   <li>ordering operators and BETWEEN reject string, boolean and NULL literals and conditions (a negation, even
 *       {@code -'x'}, passes);</li>
 *   <li>BETWEEN (not NOT BETWEEN) with two literal bounds needs them non-NULL and in order;</li>
 *   <li>{@code =}/{@code <>} reject a NULL literal on either side, and a TRUE/FALSE literal on the left of a
 *       number or string literal (but not on its right: {@code 5 = TRUE} is accepted and FALSE);</li>
 *   <li>IN needs a property on its left.</li>
 * </ul>
 */
public final class EvaluatorBuilder {
    private static final int MAX_DESCRIBED_CHARS = 40;

    private final String source;

    public EvaluatorBuilder(String source) {
        this.source = source;
    }

    /** The node in a position that needs a condition. */
    public BooleanNode buildCondition(ExpressionNode node) throws FilterException {
        if (node instanceof Property) {
            return new BooleanCastNode(new PropertyNode(((Property) node).name()));
        } else if (node instanceof BooleanLiteral) {
            return new BooleanConstantNode(Tri.of(((BooleanLiteral) node).value()));
        } else if (node instanceof NullLiteral) {
            return new BooleanConstantNode(Tri.UNKNOWN);
        } else if (!isCondition(node)) {
            throw FilterException.type(node.column(), describe(node) + " does not result in a boolean value", source);
        }
        return buildConditionOperator(node);
    }

    private BooleanNode buildConditionOperator(ExpressionNode node) throws FilterException {
        if (node instanceof Logical) {
            return buildLogical((Logical) node);
        } else if (node instanceof Not) {
            return new NotNode(buildCondition(((Not) node).operand()));
        } else if (node instanceof Comparison) {
            return buildComparison((Comparison) node);
        } else if (node instanceof Between) {
            return buildBetween((Between) node);
        } else if (node instanceof In) {
            return buildIn((In) node);
        }
        IsNull isNull = (IsNull) node;
        return new IsNullNode(buildValue(isNull.value()), isNull.negated());
    }

    /** The node in a position that needs an operand. */
    public ValueNode buildValue(ExpressionNode node) throws FilterException {
        if (node instanceof Property) {
            return new PropertyNode(((Property) node).name());
        } else if (node instanceof Negate) {
            return buildNegate((Negate) node);
        } else if (isLiteral(node)) {
            return new ConstantNode(literalValue(node));
        }
        return new BooleanValueNode(buildCondition(node));
    }

    private BooleanNode buildLogical(Logical logical) throws FilterException {
        BooleanNode[] operands = new BooleanNode[logical.operands().size()];
        for (int i = 0; i < operands.length; i++) {
            operands[i] = buildCondition(logical.operands().get(i));
        }
        return logical.op() == LogicalOp.AND ? new AndNode(operands) : new OrNode(operands);
    }

    /** Negated number literals fold to constants; anything else negates to null (see {@link NegateNode}). */
    private ValueNode buildNegate(Negate negate) throws FilterException {
        ValueNode inner = buildValue(negate.operand());
        if (inner instanceof ConstantNode) {
            Object constant = ((ConstantNode) inner).constant();
            if (constant instanceof Integer) {
                return new ConstantNode(-(Integer) constant);
            } else if (constant instanceof Long) {
                return new ConstantNode(-(Long) constant);
            } else if (constant instanceof Double) {
                return new ConstantNode(-(Double) constant);
            }
            return new ConstantNode(null);
        }
        return new NegateNode(inner);
    }

    private BooleanNode buildComparison(Comparison comparison) throws FilterException {
        CompareOp op = comparison.op();
        if (op.isRelational()) {
            requireOrderable(comparison.left(), "'" + op.symbol() + "'");
            requireOrderable(comparison.right(), "'" + op.symbol() + "'");
            return new RelationalNode(buildValue(comparison.left()), op, buildValue(comparison.right()));
        }
        requireEqualityOperands(comparison.left(), comparison.right(), op);
        return new EqualityNode(buildValue(comparison.left()), buildValue(comparison.right()), op == CompareOp.NE);
    }

    private BooleanNode buildBetween(Between between) throws FilterException {
        if (!between.negated() && isLiteral(between.low()) && isLiteral(between.high())) {
            requireOrderedBounds(between);
        }
        requireOrderable(between.value(), "BETWEEN");
        requireOrderable(between.low(), "BETWEEN");
        requireOrderable(between.high(), "BETWEEN");
        return new BetweenNode(buildValue(between.value()), buildValue(between.low()), buildValue(between.high()),
            between.negated());
    }

    private void requireOrderedBounds(Between between) throws FilterException {
        Object low = literalValue(between.low());
        Object high = literalValue(between.high());
        if (low == null || high == null) {
            throw FilterException.type(between.low().column(), "BETWEEN bounds cannot be NULL", source);
        }
        int order = Values.compare(high, low);
        if (order == Values.FAILED || order < 0) {
            throw FilterException.type(between.low().column(), "BETWEEN lower bound " + describe(between.low())
                + " is greater than upper bound " + describe(between.high()), source);
        }
    }

    private BooleanNode buildIn(In in) throws FilterException {
        if (!(in.value() instanceof Property)) {
            throw FilterException.type(in.value().column(), (in.negated() ? "NOT IN" : "IN")
                + " needs a property on its left, found " + describe(in.value()), source);
        }
        return new InNode(new PropertyNode(((Property) in.value()).name()), in.items(), in.negated());
    }

    private void requireOrderable(ExpressionNode operand, String operator) throws FilterException {
        boolean numberLiteral = operand instanceof LongLiteral || operand instanceof DoubleLiteral;
        if ((isLiteral(operand) && !numberLiteral) || isCondition(operand)) {
            throw FilterException.type(operand.column(),
                operator + " needs a number or a property, found " + describe(operand), source);
        }
    }

    private void requireEqualityOperands(ExpressionNode left, ExpressionNode right, CompareOp op)
        throws FilterException {
        for (ExpressionNode operand : new ExpressionNode[] {left, right}) {
            if (operand instanceof NullLiteral) {
                throw FilterException.type(operand.column(), "NULL cannot be compared with '" + op.symbol()
                    + "' (use IS " + (op == CompareOp.NE ? "NOT " : "") + "NULL)", source);
            }
        }
        if (left instanceof BooleanLiteral && isLiteral(right) && !(right instanceof BooleanLiteral)) {
            throw FilterException.type(right.column(), "cannot compare " + describe(left) + " with "
                + describe(right), source);
        }
    }

    /** Operators whose result is a condition (4.9.7's boolean expressions other than the literals). */
    private static boolean isCondition(ExpressionNode node) {
        return node instanceof Logical || node instanceof Not || node instanceof Comparison
            || node instanceof Between || node instanceof In || node instanceof IsNull;
    }

    private static boolean isLiteral(ExpressionNode node) {
        return node instanceof LongLiteral || node instanceof DoubleLiteral || node instanceof StringLiteral
            || node instanceof BooleanLiteral || node instanceof NullLiteral;
    }

    /** A literal's runtime value; integers that fit an int are Integers, as in 4.9.7. */
    private static Object literalValue(ExpressionNode node) {
        if (node instanceof LongLiteral) {
            long value = ((LongLiteral) node).value();
            return value == (int) value ? (Object) (int) value : (Object) value;
        } else if (node instanceof DoubleLiteral) {
            return ((DoubleLiteral) node).value();
        } else if (node instanceof StringLiteral) {
            return ((StringLiteral) node).value();
        } else if (node instanceof BooleanLiteral) {
            return ((BooleanLiteral) node).value();
        }
        return null;
    }

    private static String describe(ExpressionNode node) {
        String text = FilterException.shorten(node.toString(), MAX_DESCRIBED_CHARS);
        return node instanceof StringLiteral ? "string " + text : text;
    }
}
