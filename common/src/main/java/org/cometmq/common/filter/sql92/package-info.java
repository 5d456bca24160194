/**
 * SQL92 property filters, the language of RocketMQ 4.9's {@code MessageSelector.bySql}, selecting exactly the
 * messages that Apache RocketMQ 4.9.7's broker selects (a differential test in the {@code test} module compares
 * both on random selectors and property maps).
 *
 * <p>Use: {@code Sql92Expression e = Sql92Compiler.compile(sql);} (throws {@link
 * org.cometmq.common.filter.sql92.FilterException} with column and reason), then per message
 * {@code e.matches(properties::get)}. {@link org.cometmq.common.filter.sql92.ExpressionCache} keeps compiled
 * expressions per (group, topic, subscription version).
 *
 * <p>4.9.7's semantics, which this package reproduces:
 * <ul>
 *   <li>Grammar: {@code NOT} binds tighter than comparisons ({@code NOT a = 1} is {@code (NOT a) = 1}, never
 *       TRUE; write {@code NOT (a = 1)}). Parsing stops after the first complete expression and does not read on:
 *       {@code a = 1 b = 2}, {@code a LIKE 'x'} (as {@code a}) and {@code a = 012} (as {@code a = 0}) are accepted.
 *       There is no LIKE. A {@code --} comment needs a line end. Decimal literals must lie between
 *       {@link Double#MIN_VALUE} and {@link Double#MAX_VALUE}, so {@code 0.0} is refused (write {@code 0}).</li>
 *   <li>Values: properties are strings; integer literals are ints or longs, decimals doubles. A string against a
 *       number is converted with Java's parser for that number's type: {@code a > 5} with {@code a = '7.5'}
 *       fails, {@code a > 5.0} does not; {@code ' 5'} is a double but not an int; Arabic-Indic digits are ints.
 *       Two properties in {@code > >= < <=} are both read as doubles.</li>
 *   <li>Failure: a conversion that fails makes the whole message not match, unless AND/OR already decided
 *       (operands are evaluated left to right: {@code b = 'x' OR a > 5} matches with {@code b = 'x'},
 *       {@code a > 5 OR b = 'x'} does not when {@code a = 'abc'}).</li>
 *   <li>Missing properties: comparisons with them are UNKNOWN, AND/OR/NOT use three-valued logic and only TRUE
 *       matches; but {@code =} is not symmetric: both sides missing is TRUE, only the right side missing is
 *       FALSE ({@code 5 <> a} is TRUE when {@code a} is missing). {@code IS [NOT] NULL} is TRUE or FALSE.</li>
 *   <li>Booleans: a bare property is TRUE only for a Boolean value (never for message properties); a string
 *       compared with TRUE/FALSE is read as "true" in any case or false; {@code TRUE = 5} is refused but
 *       {@code 5 = TRUE} is accepted and FALSE. {@code IN} lists hold strings and compare strings. A negated
 *       property ({@code -a}) is always missing.</li>
 * </ul>
 * The only known difference: expressions nesting deeper than {@link
 * org.cometmq.common.filter.sql92.parser.Sql92Parser#MAX_DEPTH} levels are refused here, while 4.9.7 goes on
 * until its thread stack overflows.
 */
package org.cometmq.common.filter.sql92;
