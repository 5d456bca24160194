package org.cometmq.common.filter.sql92.ast;

/** The n-ary boolean connectives. */
public enum LogicalOp {
    AND, OR
}
