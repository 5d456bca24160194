/**
 * SQL92 property filters, the language of RocketMQ 4.9's {@code MessageSelector.bySql}.
 *
 * <p>Use: {@code Sql92Expression e = Sql92Compiler.compile(sql);} (throws {@link
 * org.cometmq.common.filter.sql92.FilterException} with column and reason), then per message
 * {@code e.matches(properties::get)}. {@link org.cometmq.common.filter.sql92.ExpressionCache} keeps compiled
 * expressions per (group, topic, subscription version).
 *
 * <p>Semantics: property values are strings. {@code > >= < <= BETWEEN} read both sides as numbers (integers
 * exactly, otherwise as doubles); a value that is not a number makes that comparison UNKNOWN. {@code =} and
 * {@code <>} compare two strings as strings, otherwise as numbers (or as booleans against TRUE/FALSE).
 * A missing property makes a comparison UNKNOWN; AND/OR/NOT use three-valued logic and only TRUE matches.
 * {@code IS [NOT] NULL} is never UNKNOWN. {@code IN} lists hold string literals and compare strings.
 *
 * <p>Deliberate differences from RocketMQ 4.9: NOT binds looser than comparisons ({@code NOT a = 1} means
 * {@code NOT (a = 1)}); a property that is not a number makes only its own comparison UNKNOWN (4.9 throws and
 * the whole message does not match), and numeric text is read as a number whatever the literal's type
 * ({@code '7.5' > 5} is TRUE; 4.9 fails to parse it as an integer); {@code 0.0} is a valid literal.
 */
package org.cometmq.common.filter.sql92;
