package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/**
 * Operands left to right: the first TRUE gives TRUE and the first ERROR gives ERROR, without reading the rest;
 * otherwise UNKNOWN if any operand was UNKNOWN, else FALSE (4.9.7's OR, applied pairwise from the left).
 */
public final class OrNode extends BooleanNode {
    private final BooleanNode[] operands;

    public OrNode(BooleanNode[] operands) {
        this.operands = operands.clone();
    }

    @Override
    public int eval(EvaluationContext context) {
        int result = Tri.FALSE;
        for (BooleanNode operand : operands) {
            int value = operand.eval(context);
            if (value == Tri.TRUE || value == Tri.ERROR) {
                return value;
            }
            if (value == Tri.UNKNOWN) {
                result = Tri.UNKNOWN;
            }
        }
        return result;
    }
}
