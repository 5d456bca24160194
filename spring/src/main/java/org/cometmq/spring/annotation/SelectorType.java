package org.cometmq.spring.annotation;

/** How {@link RocketMQMessageListener#selectorExpression()} is read. */
public enum SelectorType {
    /** Tags joined by {@code ||}, or {@code *} for every message. */
    TAG,
    /** An SQL92 condition over message properties (the broker needs {@code enablePropertyFilter=true}). */
    SQL92
}
