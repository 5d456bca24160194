package org.cometmq.acl.plain.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cometmq.acl.common.AclClientRPCHook;
import org.cometmq.acl.common.SessionCredentials;
import org.cometmq.acl.plain.PlainAccessValidator;
import org.cometmq.acl.plain.PlainPermissionManager;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The broker's ACL work for one signed SEND_MESSAGE_V2 (the header fields a 4.9.7 producer sends, a 1 KiB body):
 * {@code parse} then {@code validate}, as {@code AclServerRPCHook} runs them; and the client hook's signing.
 *
 * <p>Run: {@code COMET_TARGET=target-acl bash bench/jmh.sh acl AclValidateBenchmark -f 1 -wi 3 -w 2 -i 5 -r 2}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AclValidateBenchmark {
    private static final String PEER = "127.0.0.1:40000";
    private Path home;
    private PlainAccessValidator validator;
    private AclClientRPCHook hook;
    private RemotingCommand signed;

    @Setup
    public void setUp() throws IOException {
        home = Files.createTempDirectory("acl-bench");
        Path file = home.resolve("conf").resolve("plain_acl.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", "accounts:", "  - accessKey: benchKey1", "    secretKey: benchSecret1",
            "    admin: false", "    defaultTopicPerm: DENY", "    defaultGroupPerm: SUB", "    topicPerms:",
            "      - BenchmarkTopic=PUB|SUB", ""), StandardCharsets.UTF_8);
        validator = new PlainAccessValidator(new PlainPermissionManager(home.toString()), null);
        hook = new AclClientRPCHook(new SessionCredentials("benchKey1", "benchSecret1"));
        signed = sendRequest();
        hook.doBeforeRequest(PEER, signed);
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(home.resolve("conf").resolve("plain_acl.yml"));
        Files.deleteIfExists(home.resolve("conf"));
        Files.deleteIfExists(home);
    }

    private static RemotingCommand sendRequest() {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, null);
        String[] kv = {"a", "please_rename_unique_group_name", "b", "BenchmarkTopic", "c", "TBW102", "d", "4",
            "e", "3", "f", "0", "g", "1700000000000", "h", "0",
            "i", "KEYS\u0001OrderID188\u0002UNIQ_KEY\u00017F0000010D7B18B4AAC27B5E1C3A0000\u0002WAIT\u0001true\u0002"
                + "TAGS\u0001TagA\u0002", "j", "0", "k", "false", "m", "false"};
        for (int i = 0; i < kv.length; i += 2) {
            request.addExtField(kv[i], kv[i + 1]);
        }
        byte[] body = new byte[1024];
        new Random(7).nextBytes(body);
        request.setBody(body);
        return request;
    }

    /** What the broker does per signed request. */
    @Benchmark
    public Object brokerParseAndValidate() {
        var resource = validator.parse(signed, PEER);
        validator.validate(resource);
        return resource;
    }

    /** What the client hook does per request (signature fields are replaced in place). */
    @Benchmark
    public Object clientSign() {
        hook.doBeforeRequest(PEER, signed);
        return signed;
    }
}
