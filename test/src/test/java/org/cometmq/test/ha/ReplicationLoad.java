package org.cometmq.test.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.header.GetMaxOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetMaxOffsetResponseHeader;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetResponseHeader;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.ApacheRoundTrip;
import org.cometmq.testkit.Await;

/**
 * Load and checks shared by the replication ITs: numbered messages sent by a few threads of one Apache producer,
 * the slave catching up with its master, and the two commit logs compared file by file.
 */
final class ReplicationLoad {
    /** Sender threads: enough to keep a SYNC_MASTER's group commit busy on 2 cores, few enough to stay quiet. */
    private static final int SENDER_THREADS = 4;
    private static final long ADMIN_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_BUSY_ATTEMPTS = 5;
    private static final long BUSY_BACKOFF_MILLIS = 100;

    private ReplicationLoad() {
    }

    /** -Dha.long=true runs the full figures; otherwise a smaller count keeps the IT class short on CI. */
    static int messageCount(int longCount, int ciCount) {
        return Boolean.getBoolean("ha.long") ? longCount : ciCount;
    }

    /** The outcome of {@link #send}: the bodies answered SEND_OK, and every other outcome with its body. */
    record Sent(Set<String> acknowledged, Map<String, String> notOk, int flowControlled, long millis) {
        /** How many sends were not OK, by outcome, with one example body each. */
        String notOkSummary() {
            Map<String, String> firstBodyByOutcome = new TreeMap<>();
            Map<String, Integer> countByOutcome = new TreeMap<>();
            notOk.forEach((body, outcome) -> {
                firstBodyByOutcome.putIfAbsent(outcome, body);
                countByOutcome.merge(outcome, 1, Integer::sum);
            });
            return countByOutcome + " e.g. " + firstBodyByOutcome;
        }
    }

    /**
     * Sends {@code prefix-0 .. prefix-(count-1)} to {@code topic}, each body once, from {@link #SENDER_THREADS}
     * threads; bounded by {@code timeout} (sends not made by then are reported as not OK). A send refused by the
     * broker's flow control (SYSTEM_BUSY, not stored) is sent again, a few times at most, as an application would.
     */
    static Sent send(DefaultMQProducer producer, String topic, String prefix, int count, Duration timeout)
        throws InterruptedException {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, String> notOk = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger flowControlled = new AtomicInteger();
        long deadline = System.nanoTime() + timeout.toNanos();
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(SENDER_THREADS);
        try {
            for (int t = 0; t < SENDER_THREADS; t++) {
                senders.execute(() -> {
                    for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline;
                         i = next.getAndIncrement()) {
                        String body = prefix + "-" + i;
                        sendOne(producer, topic, body, acknowledged, notOk, flowControlled);
                    }
                });
            }
        } finally {
            senders.shutdown();
        }
        if (!senders.awaitTermination(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
            senders.shutdownNow();
        }
        int unsent = count - acknowledged.size() - notOk.size();
        if (unsent > 0) {
            notOk.put("(not sent)", unsent + " messages not sent within " + timeout);
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        return new Sent(acknowledged, new TreeMap<>(notOk), flowControlled.get(), millis);
    }

    /** {@link #send} with an Apache producer of {@code group} started for it and shut down after. */
    static Sent sendWithNewProducer(String namesrvAddr, String group, String topic, String prefix, int count,
                                    Duration timeout) throws Exception {
        DefaultMQProducer producer = ApacheClients.startedProducer(group, namesrvAddr);
        try {
            return send(producer, topic, prefix, count, timeout);
        } finally {
            producer.shutdown();
        }
    }

    /** What a push consumer of a new group received: bodies with delivery counts, and what it did not get. */
    record Consumed(Map<String, Integer> received, Set<String> lost, long millis) {
        int deliveries() {
            return received.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Consumes {@code topic} from the first offset with an Apache push consumer of the new group {@code group} until
     * every acknowledged body arrived or {@code timeout} passed.
     */
    static Consumed consumeAll(String namesrvAddr, String group, String topic, Set<String> acknowledged,
                               Duration timeout) throws Exception {
        return consume(namesrvAddr, group, topic, acknowledged, acknowledged.size(), timeout);
    }

    /** As {@link #consumeAll}, until {@code expected} distinct bodies arrived (what the serving broker holds). */
    static Consumed consume(String namesrvAddr, String group, String topic, Set<String> acknowledged, int expected,
                            Duration timeout) throws Exception {
        long start = System.nanoTime();
        Map<String, Integer> received = ApacheRoundTrip.consume(namesrvAddr, group, topic, expected, timeout);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        Set<String> lost = new TreeSet<>(acknowledged);
        lost.removeAll(received.keySet());
        return new Consumed(received, lost, millis);
    }

    private static void sendOne(DefaultMQProducer producer, String topic, String body, Set<String> acknowledged,
                                Map<String, String> notOk, AtomicInteger flowControlled) {
        Message message = new Message(topic, "TagA", body.getBytes(StandardCharsets.UTF_8));
        for (int attempt = 1; ; attempt++) {
            try {
                SendResult result = producer.send(message);
                if (result.getSendStatus() == SendStatus.SEND_OK) {
                    acknowledged.add(body);
                } else {
                    notOk.put(body, result.getSendStatus().name());
                }
                return;
            } catch (MQBrokerException e) {
                // Flow control (4.9.7's waitTimeMillsInSendQueue) refuses a request before it is stored: send again.
                if (e.getResponseCode() != ResponseCode.SYSTEM_BUSY || attempt == MAX_BUSY_ATTEMPTS) {
                    notOk.put(body, e.toString());
                    return;
                }
                flowControlled.incrementAndGet();
                sleepQuietly(BUSY_BACKOFF_MILLIS);
            } catch (Exception e) {
                notOk.put(body, e.toString());
                return;
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The broker's commit-log max offset from its runtime info (GET_BROKER_RUNTIME_INFO). */
    static long commitLogMaxOffset(DefaultMQAdminExt admin, String brokerAddr) throws Exception {
        return Long.parseLong(admin.fetchBrokerRuntimeStats(brokerAddr).getTable().get("commitLogMaxOffset"));
    }

    /** The max offset of each of {@code queues} queues of {@code topic}, asked of the broker at {@code brokerAddr}. */
    static long[] queueMaxOffsets(String brokerAddr, String topic, int queues) throws Exception {
        return perQueue(brokerAddr, queues, queueId -> {
            GetMaxOffsetRequestHeader header = new GetMaxOffsetRequestHeader();
            header.setTopic(topic);
            header.setQueueId(queueId);
            return RemotingCommand.createRequestCommand(RequestCode.GET_MAX_OFFSET, header);
        }, GetMaxOffsetResponseHeader.class, h -> ((GetMaxOffsetResponseHeader) h).getOffset());
    }

    /** The offsets {@code group} committed on each of {@code queues} queues of {@code topic} at {@code brokerAddr}. */
    static long[] committedOffsets(String brokerAddr, String group, String topic, int queues) throws Exception {
        return perQueue(brokerAddr, queues, queueId -> {
            QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
            header.setConsumerGroup(group);
            header.setTopic(topic);
            header.setQueueId(queueId);
            return RemotingCommand.createRequestCommand(RequestCode.QUERY_CONSUMER_OFFSET, header);
        }, QueryConsumerOffsetResponseHeader.class, h -> ((QueryConsumerOffsetResponseHeader) h).getOffset());
    }

    private static long[] perQueue(String brokerAddr, int queues, IntFunction<RemotingCommand> request,
                                   Class<? extends CommandCustomHeader> responseType,
                                   ToLongFunction<CommandCustomHeader> value) throws Exception {
        long[] values = new long[queues];
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        try {
            for (int queueId = 0; queueId < queues; queueId++) {
                RemotingCommand response = client.invokeSync(brokerAddr, request.apply(queueId), ADMIN_TIMEOUT_MILLIS);
                assertEquals(ResponseCode.SUCCESS, response.getCode(), "request code " + request.apply(queueId)
                    .getCode() + " for queue " + queueId + " on " + brokerAddr + ": " + response.getRemark());
                values[queueId] = value.applyAsLong(response.decodeCommandCustomHeader(responseType));
            }
        } finally {
            client.shutdown();
        }
        return values;
    }

    /** Waits until the broker dispatched its whole commit log into consume queues (runtime info). */
    static void awaitDispatched(DefaultMQAdminExt admin, String brokerAddr, Duration timeout) {
        Await.untilTrue("dispatch of " + brokerAddr + "'s commit log", timeout, () -> "0".equals(
            admin.fetchBrokerRuntimeStats(brokerAddr).getTable().get("dispatchBehindBytes")));
    }

    /** Waits until the slave's commit log reached the master's max offset; returns that offset. */
    static long awaitSlaveCaughtUp(DefaultMQAdminExt admin, HaCluster cluster, Duration timeout) {
        return Await.until("the slave's commit log to reach the master's max offset", timeout, () -> {
            long master = commitLogMaxOffset(admin, cluster.masterAddr());
            long slave = commitLogMaxOffset(admin, cluster.slaveAddr());
            return slave == master && master > 0 ? master : -1L;
        }, offset -> offset > 0);
    }

    /** Waits until the slave copied {@code topic} from its master (4.9.7 syncs every 10 s). */
    static void awaitSlaveHasTopic(DefaultMQAdminExt admin, HaCluster cluster, String topic, Duration timeout) {
        Await.untilTrue("the slave copied topic " + topic, timeout, () -> admin.getAllTopicConfig(
            cluster.slaveAddr(), ADMIN_TIMEOUT_MILLIS).getTopicConfigTable().containsKey(topic));
    }

    /**
     * Asserts the two commit-log folders hold the same files, byte for byte, for the data below {@code maxOffset};
     * returns the number of files compared. Files starting at or after {@code maxOffset} hold no data yet and are
     * left out: Apache 4.9.7 allocates the next file ahead of need, CometMQ does not.
     */
    static int assertCommitLogsIdentical(Path masterDir, Path slaveDir, long maxOffset) {
        List<String> masterFiles = filesHoldingData(masterDir, maxOffset);
        assertEquals(masterFiles, filesHoldingData(slaveDir, maxOffset),
            "commit-log files below offset " + maxOffset + " in " + masterDir + " and " + slaveDir);
        for (String name : masterFiles) {
            Path master = masterDir.resolve(name);
            Path slave = slaveDir.resolve(name);
            try {
                assertEquals(Files.size(master), Files.size(slave), "size of " + name);
                assertEquals(-1L, Files.mismatch(master, slave), "first differing byte of " + name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot compare " + master + " and " + slave, e);
            }
        }
        return masterFiles.size();
    }

    private static List<String> filesHoldingData(Path dir, long maxOffset) {
        return fileNames(dir).stream().filter(name -> Long.parseLong(name) < maxOffset).toList();
    }

    /** Files in {@code dir}, 0 while it does not exist. */
    static int fileCount(Path dir) {
        return Files.isDirectory(dir) ? fileNames(dir).size() : 0;
    }

    private static List<String> fileNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
