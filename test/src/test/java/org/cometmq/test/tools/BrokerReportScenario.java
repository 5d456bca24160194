package org.cometmq.test.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.OneBrokerCluster;
import org.cometmq.test.harness.TestEnvironment;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a broker and a name server report to Apache 4.9.7's own mqadmin: the keys of getBrokerConfig,
 * brokerStatus and getNamesrvConfig are 4.9.7's (the reference lists under {@code apache-4.9.7/} were taken from
 * 4.9.7's servers; the Apache IT keeps them honest), plus the keys a subclass names as its own extensions; and
 * exportConfigs, which reads chosen keys, succeeds with the same JSON shape. updateBrokerConfig and updateNamesrvConfig
 * apply a setting read on use at once; CometMQ refuses settings it does not implement or does not have.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrokerReportScenario {
    static final String CLUSTER = "ReportCluster";
    private static final Pattern CONFIG_LINE = Pattern.compile("^(\\S+)\\s*=  .*$");
    private static final Pattern STATUS_LINE = Pattern.compile("^(\\S+)\\s*: .*$");
    private static final Duration TRACK_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern JSON_KEY = Pattern.compile("\"([^\"]+)\"\\s*:");

    private OneBrokerCluster cluster;
    ApacheMqadmin apacheMqadmin;

    protected abstract OneBrokerCluster startCluster();

    /** Broker settings this implementation reports beyond 4.9.7's, each a setting of its own. */
    protected abstract Set<String> extraBrokerConfigKeys();

    /** Runtime figures this implementation reports beyond 4.9.7's. */
    protected abstract Set<String> extraRuntimeKeys();

    /** Whether updates of keys the server does not implement are refused (CometMQ) or silently stored (4.9.7). */
    protected abstract boolean refusesSettingsItDoesNotImplement();

    @BeforeAll
    void start() {
        cluster = startCluster();
        apacheMqadmin = new ApacheMqadmin(cluster.namesrvAddr());
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * Apache's mqadmin with its fixed 3 s request timeout: on a loaded machine a first call may time out, so a
     * timed-out run is repeated, at most three times in all.
     */
    private CommandResult mqadmin(String command, String... args) {
        CommandResult result = apacheMqadmin.run(command, args);
        for (int attempt = 1; attempt < 3 && result.stderr().contains("RemotingTimeoutException"); attempt++) {
            result = apacheMqadmin.run(command, args);
        }
        return result;
    }

    @Test
    void getBrokerConfigReportsEvery497Key() {
        CommandResult result = mqadmin("getBrokerConfig", "-b", cluster.brokerAddr());
        assertEquals(0, result.exitCode(), result.describe());
        assertKeys("broker-config-keys.txt", extraBrokerConfigKeys(), keys(result, CONFIG_LINE), result);
    }

    @Test
    void brokerStatusReportsEvery497Figure() {
        CommandResult sent = mqadmin("sendMessage", "-t", "TBW102", "-p", "status");
        assertEquals(0, sent.exitCode(), sent.describe());
        CommandResult result = mqadmin("brokerStatus", "-b", cluster.brokerAddr());
        assertEquals(0, result.exitCode(), result.describe());
        assertKeys("broker-runtime-keys.txt", extraRuntimeKeys(), keys(result, STATUS_LINE), result);
        String capacity = value(result, "commitLogDirCapacity");
        assertTrue(capacity.matches("Total : \\d+(\\.\\d+)? [KMGTP]?i?B, Free : \\d+(\\.\\d+)? [KMGTP]?i?B\\."),
            result.describe());
    }

    @Test
    void getNamesrvConfigReportsThe497Keys() {
        CommandResult result = mqadmin("getNamesrvConfig");
        assertEquals(0, result.exitCode(), result.describe());
        assertKeys("namesrv-config-keys.txt", Set.of(), keys(result, CONFIG_LINE), result);
    }

    @Test
    void exportConfigsWritesThe497Shape() throws IOException {
        Path dir = TestEnvironment.newWorkDir("report-export");
        CommandResult result = mqadmin("exportConfigs", "-c", CLUSTER, "-f", dir.toString());
        assertEquals(0, result.exitCode(), result.describe());
        assertEquals("export " + dir + "/configs.json success", result.stdout().trim(), result.describe());
        String json = Files.readString(dir.resolve("configs.json")).replace(cluster.brokerName(), "BROKER");
        Set<String> keys = new TreeSet<>();
        Matcher matcher = JSON_KEY.matcher(json);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        assertKeys("export-configs-keys.txt", Set.of(), keys, result);
    }

    @Test
    void updateBrokerConfigAppliesRejectTransactionMessageAtOnce() throws Exception {
        DefaultMQProducer producer = ApacheClients.startedProducer("ReportTxnProducer", cluster.namesrvAddr());
        try {
            assertEquals(SendStatus.SEND_OK, producer.send(halfMessage("accepted")).getSendStatus());
            updateBrokerConfig("rejectTransactionMessage", "true");
            MQClientException refused = assertThrows(MQClientException.class,
                () -> producer.send(halfMessage("refused")));
            assertEquals(ResponseCode.NO_PERMISSION, refused.getResponseCode(), refused.toString());
            assertTrue(String.valueOf(refused.getCause()).contains("sending transaction message is forbidden"),
                refused.toString());
            updateBrokerConfig("rejectTransactionMessage", "false");
            assertEquals(SendStatus.SEND_OK, producer.send(halfMessage("accepted again")).getSendStatus());
        } finally {
            producer.shutdown();
        }
    }

    private void updateBrokerConfig(String key, String value) {
        CommandResult result = mqadmin("updateBrokerConfig", "-b", cluster.brokerAddr(), "-k", key, "-v",
            value);
        assertEquals("update broker config success, " + cluster.brokerAddr(), result.stdout().trim(),
            result.describe());
    }

    private static Message halfMessage(String body) {
        Message message = new Message("TBW102", body.getBytes(StandardCharsets.UTF_8));
        MessageAccessor.putProperty(message, MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        return message;
    }

    @Test
    void updateBrokerConfigOfAnUnimplementedSettingIsRefusedNamingIt() {
        CommandResult result = mqadmin("updateBrokerConfig", "-b", cluster.brokerAddr(), "-k",
            "filterServerNums", "-v", "0");
        if (refusesSettingsItDoesNotImplement()) {
            assertTrue(result.stderr().contains("filterServerNums is a RocketMQ 4.9.7 setting that CometMQ does not"
                + " implement: setting it would change nothing"), result.describe());
            CommandResult unknown = mqadmin("updateBrokerConfig", "-b", cluster.brokerAddr(), "-k",
                "noSuchSetting", "-v", "1");
            assertTrue(unknown.stderr().contains("noSuchSetting is not a broker setting"), unknown.describe());
            CommandResult namesrv = mqadmin("updateNamesrvConfig", "-k", "noSuchSetting", "-v", "1");
            assertTrue(namesrv.stderr().contains("noSuchSetting is not a name server setting"), namesrv.describe());
        } else {
            assertEquals("update broker config success, " + cluster.brokerAddr(), result.stdout().trim(),
                result.describe());
        }
    }

    @Test
    void updateNamesrvConfigAppliesOrderMessageEnable() {
        CommandResult on = mqadmin("updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "true");
        assertEquals(0, on.exitCode(), on.describe());
        CommandResult config = mqadmin("getNamesrvConfig");
        assertTrue(config.stdoutLines().contains(String.format("%-50s=  %s", "orderMessageEnable", "true")),
            config.describe());
        CommandResult off = mqadmin("updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "false");
        assertEquals(0, off.exitCode(), off.describe());
    }

    @Test
    void queryCommandsPrintTheMessageTrackAsApachesMqadmin() throws Exception {
        String topic = "ReportTrackTopic";
        CommandResult created = mqadmin("updateTopic", "-c", CLUSTER, "-t", topic, "-r", "1", "-w", "1");
        assertEquals(0, created.exitCode(), created.describe());
        DefaultMQProducer producer = ApacheClients.startedProducer("ReportTrackProducer", cluster.namesrvAddr());
        DefaultMQPushConsumer consumer = ApacheClients.pushConsumer("ReportTrackGroup", cluster.namesrvAddr());
        DefaultMQAdminExt admin = ApacheClients.startedAdmin(cluster.namesrvAddr());
        try {
            SendResult sent = Await.until("a send to " + topic, TRACK_TIMEOUT,
                () -> producer.send(new Message(topic, "TagT", "trackKey", "track".getBytes(StandardCharsets.UTF_8))),
                result -> result.getSendStatus() == SendStatus.SEND_OK);
            AtomicInteger received = new AtomicInteger();
            consumer.subscribe(topic, "TagT");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                received.addAndGet(messages.size());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            Await.untilTrue("ReportTrackGroup consumed and committed", TRACK_TIMEOUT,
                () -> received.get() > 0 && admin.examineConsumeStats("ReportTrackGroup").computeTotalDiff() == 0);
            CometMqadmin comet = new CometMqadmin(cluster.namesrvAddr());
            for (List<String> command : List.of(List.of("queryMsgByUniqueKey", "-t", topic, "-i", sent.getMsgId()),
                List.of("queryMsgByOffset", "-t", topic, "-b", cluster.brokerName(), "-i", "0", "-o", "0"),
                List.of("queryMsgById", "-i", sent.getOffsetMsgId()))) {
                String[] args = command.subList(1, command.size()).toArray(new String[0]);
                CommandResult apache = mqadmin(command.get(0), args);
                CommandResult ours = comet.run(command.get(0), args);
                assertEquals("MessageTrack [consumerGroup=ReportTrackGroup, trackType=CONSUMED, exceptionDesc=null]",
                    last(apache), apache.describe());
                assertEquals(comparable(apache), comparable(ours), ours.describe() + "\n" + apache.describe());
            }
        } finally {
            consumer.shutdown();
            producer.shutdown();
            admin.shutdown();
        }
    }

    private static String last(CommandResult result) {
        List<String> lines = result.stdoutLines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** The output without what must differ: where each tool saved the body, and the order it prints properties in. */
    private static List<String> comparable(CommandResult result) {
        return result.stdoutLines().stream()
            .filter(line -> !line.startsWith("Message Body Path:") && !line.startsWith("Properties:")).toList();
    }

    private static Set<String> keys(CommandResult result, Pattern line) {
        Set<String> keys = new TreeSet<>();
        for (String text : result.stdoutLines()) {
            Matcher matcher = line.matcher(text);
            if (matcher.matches()) {
                // one ratio per commit log directory, named after the directory
                keys.add(matcher.group(1).replaceFirst("^commitLogDiskRatio_/.*", "commitLogDiskRatio_<commit log dir>"));
            }
        }
        return keys;
    }

    static String value(CommandResult result, String key) {
        String prefix = String.format("%-32s: ", key);
        return result.stdoutLines().stream().filter(line -> line.startsWith(prefix)).findFirst()
            .orElseThrow(() -> new AssertionError("no " + key + " in " + result.describe()))
            .substring(prefix.length());
    }

    private void assertKeys(String referenceName, Set<String> extra, Set<String> actual, CommandResult result) {
        Set<String> expected = new TreeSet<>(reference(referenceName));
        expected.addAll(extra);
        Path observed = TestEnvironment.newWorkDir("report-keys").resolve(referenceName);
        try {
            Files.write(observed, actual);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(expected);
        assertEquals(expected, actual, "missing " + missing + ", unexpected " + unexpected + " (observed keys in "
            + observed + ")\n" + result.describe());
    }

    static List<String> reference(String name) {
        try (InputStream in = BrokerReportScenario.class.getResourceAsStream("/apache-4.9.7/" + name)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
