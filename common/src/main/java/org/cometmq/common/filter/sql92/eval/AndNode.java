package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/**
 * Operands left to right: the first FALSE gives FALSE and the first ERROR gives ERROR, without reading the rest;
 * otherwise UNKNOWN if any operand was UNKNOWN, else TRUE (4.9.7's AND, applied pairwise from the left).
 */
public final class AndNode extends BooleanNode {
    private final BooleanNode[] operands;

    public AndNode(BooleanNode[] operands) {
        this.operands = operands.clone();
    }

    @Override
    public int eval(EvaluationContext context) {
        int result = Tri.TRUE;
        for (BooleanNode operand : operands) {
            int value = operand.eval(context);
            if (value == Tri.FALSE || value == Tri.ERROR) {
                return value;
            }
            if (value == Tri.UNKNOWN) {
                result = Tri.UNKNOWN;
            }
        }
        return result;
    }
}
