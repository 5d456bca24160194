package org.cometmq.common.filter.sql92.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cometmq.common.filter.sql92.EvaluationContext;
import org.cometmq.common.filter.sql92.FilterException;
import org.cometmq.common.filter.sql92.Sql92Compiler;
import org.cometmq.common.filter.sql92.Sql92Expression;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-message cost of a broker-side SQL92 filter: {@code a > 5 AND b = 'x'} against a 5-property message map,
 * read through a method-reference context as the pull path does (no copy of the map).
 *
 * <p>Run: {@code COMET_TARGET=target-filter bash bench/jmh.sh common Sql92EvaluateBenchmark -f 1 -wi 2 -w 2 -i 3 -r 2}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Sql92EvaluateBenchmark {
    private Sql92Expression expression;
    private EvaluationContext matching;
    private EvaluationContext failingFirstTerm;
    private EvaluationContext failingSecondTerm;

    @Setup
    public void setUp() throws FilterException {
        expression = Sql92Compiler.compile("a > 5 AND b = 'x'");
        matching = properties("7", "x")::get;
        failingFirstTerm = properties("3", "x")::get;
        failingSecondTerm = properties("7", "y")::get;
        if (!expression.matches(matching) || expression.matches(failingFirstTerm)
            || expression.matches(failingSecondTerm)) {
            throw new IllegalStateException("benchmark fixtures do not evaluate as intended");
        }
    }

    private static Map<String, String> properties(String a, String b) {
        Map<String, String> properties = new HashMap<>();
        properties.put("a", a);
        properties.put("b", b);
        properties.put("KEYS", "order-1001");
        properties.put("TAGS", "TagA");
        properties.put("UNIQ_KEY", "7F0000010B9C18B4AAC27D0A3F8E0000");
        return properties;
    }

    @Benchmark
    public boolean evaluateMatch() {
        return expression.matches(matching);
    }

    @Benchmark
    public boolean evaluateMissFirstTerm() {
        return expression.matches(failingFirstTerm);
    }

    @Benchmark
    public boolean evaluateMissSecondTerm() {
        return expression.matches(failingSecondTerm);
    }

    @Benchmark
    public Sql92Expression compile() throws FilterException {
        return Sql92Compiler.compile("a > 5 AND b = 'x'");
    }
}
