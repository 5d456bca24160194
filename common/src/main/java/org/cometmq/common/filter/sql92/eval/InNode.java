package org.cometmq.common.filter.sql92.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cometmq.common.filter.sql92.EvaluationContext;

/**
 * {@code property [NOT] IN (...)}: UNKNOWN when the property is missing or not a string (as in RocketMQ 4.9).
 * Short lists are scanned; longer ones use a hash set.
 */
public final class InNode extends BooleanNode {
    private static final int SCAN_LIMIT = 8;

    private final ValueNode value;
    private final String[] items;
    private final Set<String> itemSet;
    private final boolean negated;

    public InNode(ValueNode value, List<String> items, boolean negated) {
        this.value = value;
        this.items = items.toArray(new String[0]);
        this.itemSet = items.size() > SCAN_LIMIT ? new HashSet<>(items) : null;
        this.negated = negated;
    }

    @Override
    public int eval(EvaluationContext context) {
        Object v = value.value(context);
        if (!(v instanceof String)) {
            return Tri.UNKNOWN;
        }
        return Tri.of(contains((String) v) != negated);
    }

    private boolean contains(String candidate) {
        if (itemSet != null) {
            return itemSet.contains(candidate);
        }
        for (String item : items) {
            if (item.equals(candidate)) {
                return true;
            }
        }
        return false;
    }
}
