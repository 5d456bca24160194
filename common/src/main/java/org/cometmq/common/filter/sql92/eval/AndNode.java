package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/** FALSE if any operand is FALSE, else UNKNOWN if any is UNKNOWN, else TRUE. Stops at the first FALSE. */
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
            if (value == Tri.FALSE) {
                return Tri.FALSE;
            }
            if (value == Tri.UNKNOWN) {
                result = Tri.UNKNOWN;
            }
        }
        return result;
    }
}
