package org.cometmq.common.filter.sql92.eval;

import org.cometmq.common.filter.sql92.EvaluationContext;

/** TRUE if any operand is TRUE, else UNKNOWN if any is UNKNOWN, else FALSE. Stops at the first TRUE. */
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
            if (value == Tri.TRUE) {
                return Tri.TRUE;
            }
            if (value == Tri.UNKNOWN) {
                result = Tri.UNKNOWN;
            }
        }
        return result;
    }
}
