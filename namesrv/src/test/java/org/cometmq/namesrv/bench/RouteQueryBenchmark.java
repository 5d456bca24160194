package org.cometmq.namesrv.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.cometmq.common.MQVersion;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.UtilAll;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.RegisterBrokerBody;
import org.cometmq.common.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.cometmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.cometmq.namesrv.NamesrvTestServer;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * GET_ROUTEINFO_BY_TOPIC through the real Netty server and client on loopback, 1,000 topics registered on two
 * brokers, eight client threads sharing one client (as the threads of one application do).
 * Run: {@code COMET_TARGET=target bash bench/jmh.sh namesrv RouteQueryBenchmark -f 1 -wi 2 -w 2 -i 3 -r 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class RouteQueryBenchmark {
    private static final int TOPICS = 1000;

    private Path dir;
    private NamesrvTestServer server;

    @Setup(Level.Trial)
    public void start() throws Exception {
        dir = Files.createTempDirectory("route-bench");
        server = new NamesrvTestServer(dir);
        register("broker-a", "127.0.0.1:10911");
        register("broker-b", "127.0.0.2:10911");
    }

    private void register(String brokerName, String addr) throws Exception {
        RegisterBrokerBody body = new RegisterBrokerBody();
        for (int i = 0; i < TOPICS; i++) {
            body.getTopicConfigSerializeWrapper().getTopicConfigTable().put(topic(i), new TopicConfig(topic(i), 8, 8, 6));
        }
        byte[] json = body.encode(false);
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader();
        header.setBrokerName(brokerName);
        header.setBrokerAddr(addr);
        header.setClusterName("DefaultCluster");
        header.setHaServerAddr(addr);
        header.setBrokerId(0L);
        header.setBodyCrc32(UtilAll.crc32(json));
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER, header);
        request.setVersion(MQVersion.CURRENT_VERSION);
        request.setBody(json);
        RemotingCommand response = server.call(request);
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("registration failed: " + response.getRemark());
        }
    }

    private static String topic(int i) {
        return "BenchTopic_" + i;
    }

    @Benchmark
    public byte[] getRouteInfoByTopic() throws Exception {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic(ThreadLocalRandom.current().nextInt(TOPICS)));
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header);
        request.setVersion(MQVersion.CURRENT_VERSION);
        RemotingCommand response = server.call(request);
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("route query failed: " + response.getRemark());
        }
        return response.getBody();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        server.close();
        UtilAll.deleteFile(dir.toFile());
    }
}
