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
import org.cometmq.common.filter.sql92.ast.Node;
import org.cometmq.common.filter.sql92.ast.Not;
import org.cometmq.common.filter.sql92.ast.NullLiteral;
import org.cometmq.common.filter.sql92.ast.Property;
import org.cometmq.common.filter.sql92.ast.StringLiteral;

/**
 * Type-checks a syntax tree and turns it into evaluation nodes, boxing literals once. The checks are RocketMQ
 * 4.9's: ordering operators and BETWEEN take numbers or properties only; {@code NULL} cannot be compared with
 * {@code =}/{@code <>}; IN needs a property; constant BETWEEN bounds must be in order; the whole expression and
 * the operands of AND/OR/NOT must be conditions (a bare property counts, as a boolean cast).
 */
public final class EvaluatorBuilder {
    private static final int MAX_DESCRIBED_CHARS = 40;

    private final String source;

    public EvaluatorBuilder(String source) {
        this.source = source;
    }

    /** The node in a position that needs a condition. */
    public BooleanNode buildCondition(Node node) throws FilterException {
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
        } else if (node instanceof IsNull) {
            IsNull isNull = (IsNull) node;
            return new IsNullNode(buildValue(isNull.value()), isNull.negated());
        } else if (node instanceof BooleanLiteral) {
            return new BooleanConstantNode(Tri.of(((BooleanLiteral) node).value()));
        } else if (node instanceof NullLiteral) {
            return new BooleanConstantNode(Tri.UNKNOWN);
        } else if (node instanceof Property) {
            return new BooleanCastNode(new PropertyNode(((Property) node).name()));
        }
        throw FilterException.type(node.column(), describe(node) + " does not result in a boolean value", source);
    }

    /** The node in a position that needs an operand. */
    public ValueNode buildValue(Node node) throws FilterException {
        if (node instanceof Property) {
            return new PropertyNode(((Property) node).name());
        } else if (node instanceof LongLiteral) {
            return new ConstantNode(((LongLiteral) node).value());
        } else if (node instanceof DoubleLiteral) {
            return new ConstantNode(((DoubleLiteral) node).value());
        } else if (node instanceof StringLiteral) {
            return new ConstantNode(((StringLiteral) node).value());
        } else if (node instanceof BooleanLiteral) {
            return new ConstantNode(((BooleanLiteral) node).value());
        } else if (node instanceof NullLiteral) {
            return new ConstantNode(null);
        } else if (node instanceof Negate) {
            return buildNegate((Negate) node);
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

    private ValueNode buildNegate(Negate negate) throws FilterException {
        Node operand = negate.operand();
        if (!isNumeric(operand)) {
            throw FilterException.type(operand.column(), "cannot negate " + describe(operand), source);
        }
        ValueNode inner = buildValue(operand);
        if (inner instanceof ConstantNode) {
            Object constant = ((ConstantNode) inner).constant();
            return new ConstantNode(constant instanceof Long ? (Object) (-(Long) constant) : -(Double) constant);
        }
        return new NegateNode(inner);
    }

    private BooleanNode buildComparison(Comparison comparison) throws FilterException {
        CompareOp op = comparison.op();
        if (op.isRelational()) {
            requireNumeric(comparison.left(), "'" + op.symbol() + "'");
            requireNumeric(comparison.right(), "'" + op.symbol() + "'");
            return new RelationalNode(buildValue(comparison.left()), op, buildValue(comparison.right()));
        }
        requireEqualityOperands(comparison.left(), comparison.right(), op);
        return new EqualityNode(buildValue(comparison.left()), buildValue(comparison.right()), op == CompareOp.NE);
    }

    private BooleanNode buildBetween(Between between) throws FilterException {
        requireNumeric(between.value(), "BETWEEN");
        requireNumeric(between.low(), "BETWEEN");
        requireNumeric(between.high(), "BETWEEN");
        ValueNode low = buildValue(between.low());
        ValueNode high = buildValue(between.high());
        if (!between.negated() && low instanceof ConstantNode && high instanceof ConstantNode) {
            Object lowValue = ((ConstantNode) low).constant();
            Object highValue = ((ConstantNode) high).constant();
            if (Values.compareNumbers(lowValue, highValue) > 0) {
                throw FilterException.type(between.low().column(), "BETWEEN lower bound " + lowValue
                    + " is greater than upper bound " + highValue, source);
            }
        }
        return new BetweenNode(buildValue(between.value()), low, high, between.negated());
    }

    private BooleanNode buildIn(In in) throws FilterException {
        if (!(in.value() instanceof Property)) {
            throw FilterException.type(in.value().column(), (in.negated() ? "NOT IN" : "IN")
                + " needs a property on its left, found " + describe(in.value()), source);
        }
        return new InNode(new PropertyNode(((Property) in.value()).name()), in.items(), in.negated());
    }

    private void requireNumeric(Node operand, String operator) throws FilterException {
        if (!isNumeric(operand)) {
            throw FilterException.type(operand.column(),
                operator + " needs a number or a property, found " + describe(operand), source);
        }
    }

    private void requireEqualityOperands(Node left, Node right, CompareOp op) throws FilterException {
        for (Node operand : new Node[] {left, right}) {
            if (operand instanceof NullLiteral) {
                throw FilterException.type(operand.column(), "NULL cannot be compared with '" + op.symbol()
                    + "' (use IS " + (op == CompareOp.NE ? "NOT " : "") + "NULL)", source);
            }
        }
        if ((isBooleanTyped(left) && isNumberOrString(right)) || (isNumberOrString(left) && isBooleanTyped(right))) {
            Node scalar = isNumberOrString(right) ? right : left;
            throw FilterException.type(scalar.column(), "cannot compare " + describe(left) + " with "
                + describe(right), source);
        }
    }

    private static boolean isNumeric(Node node) {
        return node instanceof Property || node instanceof LongLiteral || node instanceof DoubleLiteral
            || node instanceof Negate;
    }

    private static boolean isBooleanTyped(Node node) {
        return node instanceof BooleanLiteral || node instanceof Logical || node instanceof Not
            || node instanceof Comparison || node instanceof Between || node instanceof In || node instanceof IsNull;
    }

    private static boolean isNumberOrString(Node node) {
        return node instanceof LongLiteral || node instanceof DoubleLiteral || node instanceof StringLiteral
            || node instanceof Negate;
    }

    private static String describe(Node node) {
        String text = FilterException.shorten(node.toString(), MAX_DESCRIBED_CHARS);
        return node instanceof StringLiteral ? "string " + text : text;
    }
}
