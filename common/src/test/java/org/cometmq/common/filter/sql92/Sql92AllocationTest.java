package org.cometmq.common.filter.sql92;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The broker evaluates a filter for every stored message of a pull, so evaluation must not allocate: string
 * properties against literals, including failed conversions and decimals, through a map-backed context.
 */
class Sql92AllocationTest {
    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 200_000;
    /** Slack for a stray allocation (a JIT-time deoptimization); one object per evaluation would be ~3 MB. */
    private static final long SLACK_BYTES = 64 * 1024;

    @ParameterizedTest(name = "{0} with a={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a > 5 AND b = 'x'                        | 7",
        "a > 5 AND b = 'x'                        | abc",
        "a BETWEEN 1 AND 10 OR b IN ('x', 'y')    | 5",
        "NOT a = 1 OR b IS NULL OR missing <> 3   | 5",
        "a > 5.0 AND a < 1e3                      | 7.5",
        "a > 5.0                                  | \" -0.125 \"",
        "a = b OR 5 <> b                          | 5",
    })
    void evaluationAllocatesNothing(String expression, String a) throws FilterException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Sql92Expression compiled = Sql92Compiler.compile(expression);
        Map<String, String> properties = Map.of("a", a, "b", "y");
        EvaluationContext context = properties::get;
        int matches = 0;
        for (int i = 0; i < WARM_UP; i++) {
            matches += compiled.matches(context) ? 1 : 0;
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < MEASURED; i++) {
            matches += compiled.matches(context) ? 1 : 0;
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < SLACK_BYTES, allocated + " bytes for " + MEASURED + " evaluations (" + matches + ")");
    }
}
