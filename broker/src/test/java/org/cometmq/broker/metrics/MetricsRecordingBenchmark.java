package org.cometmq.broker.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.cometmq.broker.stats.BrokerStatsManager;
import org.cometmq.broker.stats.TrafficObserver.MessageType;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.remoting.metrics.CodeNames;
import org.cometmq.remoting.metrics.RpcLatencyMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What metrics add to one send: the counting a stored message costs with metrics off (the 4.x stats the broker
 * keeps anyway) and on (those plus the Prometheus counters, size histogram and RPC latency), from 4 threads.
 *   bash bench/jmh.sh broker MetricsRecordingBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(4)
public class MetricsRecordingBenchmark {
    private BrokerStatsManager statsOff;
    private BrokerStatsManager statsOn;
    private RpcLatencyMetrics rpc;

    @Setup
    public void setUp() {
        statsOff = new BrokerStatsManager(Clock.systemUTC());
        statsOn = new BrokerStatsManager(Clock.systemUTC());
        PrometheusRegistry registry = new PrometheusRegistry();
        Labels node = Labels.of("cluster", "C", "node_type", "broker", "node_id", "b");
        statsOn.setTrafficObserver(new TrafficMetrics(registry, node, new PullOffsets()));
        rpc = new RpcLatencyMetrics(registry, node, CodeNames.of(RequestCode.class), CodeNames.of(ResponseCode.class));
    }

    @Benchmark
    public void sendCountedMetricsOff() {
        statsOff.recordPut("BenchTopic", MessageType.NORMAL, 1, 1_100);
    }

    @Benchmark
    public void sendCountedMetricsOn() {
        statsOn.recordPut("BenchTopic", MessageType.NORMAL, 1, 1_100);
        rpc.onResponse(RequestCode.SEND_MESSAGE_V2, ResponseCode.SUCCESS, 250_000);
    }
}
