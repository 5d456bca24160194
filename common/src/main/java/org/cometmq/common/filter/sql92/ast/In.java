package org.cometmq.common.filter.sql92.ast;

import java.util.List;

/** {@code property [NOT] IN ('a', 'b', ...)}; the list holds string literals only, at least one. */
public final class In extends ExpressionNode {
    private final ExpressionNode value;
    private final List<String> items;
    private final boolean negated;

    public In(ExpressionNode value, List<String> items, boolean negated, int column) {
        super(column, value);
        this.value = value;
        this.items = List.copyOf(items);
        this.negated = negated;
    }

    public ExpressionNode value() {
        return value;
    }

    public List<String> items() {
        return items;
    }

    public boolean negated() {
        return negated;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(").append(value).append(negated ? " NOT IN (" : " IN (");
        for (int i = 0; i < items.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(StringLiteral.quote(items.get(i)));
        }
        return text.append("))").toString();
    }
}
