package org.cometmq.test.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.filter.FilterFactory;
import org.apache.rocketmq.filter.expression.EvaluationContext;
import org.apache.rocketmq.filter.expression.Expression;
import org.cometmq.common.filter.sql92.FilterException;
import org.cometmq.common.filter.sql92.Sql92Compiler;
import org.cometmq.common.filter.sql92.Sql92Expression;
import org.junit.jupiter.api.Test;

/**
 * Our SQL92 filter against Apache RocketMQ 4.9.7's own ({@code rocketmq-filter}, in-process): the same selectors
 * must be accepted or rejected alike, and an accepted selector must match exactly the same property maps. A
 * message matches on the Apache broker when evaluation returns {@code Boolean.TRUE}; null, and any exception
 * (the broker's {@code ExpressionMessageFilter} catches and logs it), mean "not matched".
 *
 * <p>The random part is seeded: {@code -Dsql92.seed=N} repeats a run, {@code -Dsql92.seed=random} picks a new
 * seed; every failure message names the seed.
 */
class Sql92DifferentialTest {
    private static final long DEFAULT_SEED = 0x5A1_92L;
    private static final int EXPRESSIONS = 6_250;
    private static final int MAPS_PER_EXPRESSION = 16;
    private static final int MAX_REPORTED = 20;

    @Test
    void randomSelectorsMatchAsOnApache() {
        long seed = seed();
        Sql92CaseGenerator generator = new Sql92CaseGenerator(seed);
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        int accepted = 0;
        for (int i = 0; i < EXPRESSIONS; i++) {
            String expression = generator.expression();
            List<Map<String, String>> maps = new ArrayList<>();
            for (int m = 0; m < MAPS_PER_EXPRESSION; m++) {
                maps.add(generator.properties());
            }
            cases += maps.size();
            accepted += compare(expression, maps, mismatches) ? 1 : 0;
            if (mismatches.size() >= MAX_REPORTED) {
                break;
            }
        }
        if (!mismatches.isEmpty()) {
            fail("seed " + seed + " (-Dsql92.seed=" + seed + "): " + mismatches.size() + " mismatches, first ones:\n"
                + String.join("\n", mismatches));
        }
        assertTrue(cases >= 100_000, "cases: " + cases);
        // both sides of the grammar must be exercised, or the comparison proves little
        assertTrue(accepted > EXPRESSIONS / 4 && accepted < EXPRESSIONS * 9 / 10,
            "seed " + seed + ": accepted " + accepted + " of " + EXPRESSIONS);
    }

    @Test
    void handPickedEdgeCasesMatchAsOnApache() {
        List<String> mismatches = new ArrayList<>();
        for (Object[] edge : Sql92EdgeCases.CASES) {
            compare((String) edge[0], List.of(Sql92EdgeCases.properties(edge)), mismatches);
        }
        assertEquals(List.of(), mismatches);
    }

    /** Compares acceptance, then the match of every map; returns whether both accepted. */
    private static boolean compare(String expression, List<Map<String, String>> maps, List<String> mismatches) {
        Expression apache = apacheCompile(expression);
        Sql92Expression ours = ourCompile(expression);
        if ((apache == null) != (ours == null)) {
            mismatches.add("accept differs for " + quote(expression) + ": Apache " + (apache != null)
                + ", CometMQ " + (ours != null));
            return false;
        }
        if (ours == null) {
            return false;
        }
        for (Map<String, String> properties : maps) {
            boolean apacheMatch = apacheMatches(apache, properties);
            boolean ourMatch = ours.matches(properties::get);
            if (apacheMatch != ourMatch) {
                mismatches.add("match differs for " + quote(expression) + " with " + quoteMap(properties) + ": Apache "
                    + apacheMatch + " (" + apacheOutcome(apache, properties) + "), CometMQ " + ourMatch);
            }
        }
        return true;
    }

    private static Expression apacheCompile(String expression) {
        try {
            return FilterFactory.INSTANCE.get("SQL92").compile(expression);
        } catch (Exception rejected) {
            return null;
        }
    }

    private static Sql92Expression ourCompile(String expression) {
        try {
            return Sql92Compiler.compile(expression);
        } catch (FilterException rejected) {
            return null;
        }
    }

    /** As 4.9.7's ExpressionMessageFilter decides: only Boolean.TRUE matches; an exception does not. */
    private static boolean apacheMatches(Expression expression, Map<String, String> properties) {
        try {
            return Boolean.TRUE.equals(expression.evaluate(context(properties)));
        } catch (Throwable evaluationFailed) {
            return false;
        }
    }

    private static String apacheOutcome(Expression expression, Map<String, String> properties) {
        try {
            return String.valueOf(expression.evaluate(context(properties)));
        } catch (Throwable evaluationFailed) {
            return evaluationFailed.toString();
        }
    }

    private static EvaluationContext context(Map<String, String> properties) {
        return new EvaluationContext() {
            @Override
            public Object get(String name) {
                return properties.get(name);
            }

            @Override
            public Map<String, Object> keyValues() {
                return new HashMap<>(properties);
            }
        };
    }

    private static long seed() {
        String configured = System.getProperty("sql92.seed");
        if (configured == null || configured.isEmpty()) {
            return DEFAULT_SEED;
        }
        return "random".equals(configured) ? System.nanoTime() : Long.parseLong(configured);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            quoted.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return quoted.append('"').toString();
    }

    private static String quoteMap(Map<String, String> properties) {
        StringBuilder text = new StringBuilder("{");
        properties.forEach((k, v) -> text.append(text.length() == 1 ? "" : ", ").append(k).append('=').append(quote(v)));
        return text.append('}').toString();
    }
}
