package org.cometmq.common.filter.sql92.ast;

/** The binary comparison operators. */
public enum CompareOp {
    EQ("="), NE("<>"), GT(">"), GE(">="), LT("<"), LE("<=");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True for the ordering operators, which need numeric operands. */
    public boolean isRelational() {
        return this != EQ && this != NE;
    }

    /** Whether a three-way comparison result ({@code <0, 0, >0}) satisfies this operator. */
    public boolean accepts(int comparison) {
        switch (this) {
            case EQ: return comparison == 0;
            case NE: return comparison != 0;
            case GT: return comparison > 0;
            case GE: return comparison >= 0;
            case LT: return comparison < 0;
            default: return comparison <= 0;
        }
    }
}
