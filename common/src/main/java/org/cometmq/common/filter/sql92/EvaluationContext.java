package org.cometmq.common.filter.sql92;

/**
 * Where a compiled expression reads property values. A message's property map can back it without copying:
 * {@code EvaluationContext ctx = properties::get;}. A {@code null} answer means the property is missing.
 */
@FunctionalInterface
public interface EvaluationContext {
    /** The value of property {@code name} (a {@code String} for message properties), or null when absent. */
    Object get(String name);
}
