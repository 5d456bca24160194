package org.cometmq.test.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CrossProcess;
import org.junit.jupiter.api.Test;

/**
 * The live ports under abuse: 100,000 random and damaged frames ({@link AbuseFrames}) from 4 threads against the
 * broker and the name server, 5,000 idle connections to the broker, and a slow reader that sends GET_ALL_TOPIC_CONFIG
 * (large answers: the broker holds 150 topics) and never reads. Meanwhile an Apache producer sends every 50 ms. Both
 * processes stay up, the producer keeps working, and the broker stops reading from the slow reader instead of
 * queueing its answers without bound. The flood goes on past its count until the producer sent 10 times.
 * {@code -Dchaos.long=true} sends 1,000,000 frames.
 */
@CrossProcess
class PortAbuseChaosIT {
    private static final int FRAMES = ChaosCluster.longRun() ? 1_000_000 : 100_000;
    private static final Duration FLOOD_BOUND = Duration.ofSeconds(ChaosCluster.longRun() ? 900 : 120);
    private static final int FLOOD_THREADS = 4;
    private static final int FRAMES_PER_CONNECTION = 50;
    private static final int IDLE_CONNECTIONS = 5_000;
    private static final int TOPICS = 150;
    private static final int GET_ALL_TOPIC_CONFIG = 21;
    /** The slow reader counts as stopped when its writes made no progress this long. */
    private static final long STALLED_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final Duration STALL_BOUND = Duration.ofSeconds(40);
    /** The flood goes on, beyond its frame count if need be, until the producer sent this often. */
    private static final int MIN_SENDS_DURING_FLOOD = 10;

    @Test
    void floodIdleConnectionsAndASlowReaderLeaveBothServersServing() throws Exception {
        try (ChaosCluster cluster = ChaosCluster.start("chaos-abuse", 1, Map.of())) {
            CometBroker broker = cluster.brokers.get(0);
            for (int i = 0; i < TOPICS; i++) {
                cluster.admin.createAndUpdateTopicConfig(broker.address(), new TopicConfig("AbuseTopic" + i, 4, 4, 6));
            }
            long rssBeforeKb = rssKb(broker.process().pid());
            List<Socket> idle = openIdle(broker.port(), IDLE_CONNECTIONS);
            SlowReader slowReader = new SlowReader(broker.port());
            slowReader.start();
            LegitimateSender sender = new LegitimateSender(cluster.namesrv.address(), "AbuseTopic0");
            sender.start();
            long floodStart = System.nanoTime();
            Flood flood = flood(List.of(broker.port(), cluster.namesrv.port()),
                () -> sender.attempts.get() >= MIN_SENDS_DURING_FLOOD);
            long floodMillis = Duration.ofNanos(System.nanoTime() - floodStart).toMillis();
            sender.stopAndJoin();
            long slowStalledMillis = slowReader.awaitStall(STALL_BOUND);
            long slowWritten = slowReader.requests.get();
            slowReader.close();
            long idleStillOpen = idle.stream().filter(s -> !s.isClosed()).count();
            closeAll(idle);
            long rssAfterKb = rssKb(broker.process().pid());

            System.out.printf("[PortAbuseChaosIT] %d frames on %d connections (%d closed by the servers) in %d ms; "
                    + "%d idle connections held; slow reader wrote %d requests, then stalled %d ms; producer %d/%d "
                    + "SEND_OK during the flood (slowest %d ms, failures %s); broker RSS %d -> %d KiB%n", flood.frames.get(),
                flood.connections.get(), flood.closedByServer.get(), floodMillis, idleStillOpen, slowWritten,
                slowStalledMillis, sender.ok.get(), sender.attempts.get(), sender.maxMillis.get(), sender.failures,
                rssBeforeKb, rssAfterKb);

            assertTrue(broker.process().isAlive(), "the broker is up");
            assertFalse(broker.process().readLog().contains("OutOfMemoryError"), "the broker's heap held");
            assertTrue(cluster.namesrv.process().isAlive(), "the name server is up");
            assertTrue(flood.frames.get() >= FRAMES, "every frame sent within " + FLOOD_BOUND);
            assertEquals(IDLE_CONNECTIONS, idleStillOpen);
            assertTrue(sender.attempts.get() >= MIN_SENDS_DURING_FLOOD, "sends during the flood: " + sender.attempts.get());
            assertTrue(sender.ok.get() >= sender.attempts.get() * 3 / 4,
                "the producer kept working: " + sender.ok.get() + " of " + sender.attempts.get() + " SEND_OK");
            assertTrue(slowStalledMillis >= TimeUnit.NANOSECONDS.toMillis(STALLED_NANOS),
                "the broker stopped reading from the client that reads nothing (stalled " + slowStalledMillis + " ms)");
            assertAfterwards(cluster, "AbuseTopic1");
        }
    }

    /** A fresh producer sends and the name server answers a route once the abuse is over. */
    private static void assertAfterwards(ChaosCluster cluster, String topic) throws Exception {
        DefaultMQProducer producer = ApacheClients.startedProducer("AbuseAfterProducer", cluster.namesrv.address());
        try {
            Message message = new Message(topic, "after the flood".getBytes(StandardCharsets.UTF_8));
            assertEquals(SendStatus.SEND_OK, producer.send(message).getSendStatus());
            assertEquals(1, cluster.route(topic).getBrokerDatas().size());
        } finally {
            producer.shutdown();
        }
    }

    /** The counts of the flood. */
    private static final class Flood {
        final AtomicInteger frames = new AtomicInteger();
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger closedByServer = new AtomicInteger();
    }

    private static Flood flood(List<Integer> ports, BooleanSupplier sendersDone) throws InterruptedException {
        Flood flood = new Flood();
        AtomicInteger claimed = new AtomicInteger();
        long deadline = System.nanoTime() + FLOOD_BOUND.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(FLOOD_THREADS);
        for (int t = 0; t < FLOOD_THREADS; t++) {
            int thread = t;
            threads.execute(() -> {
                AbuseFrames frames = new AbuseFrames(0x5eed + thread);
                int port = ports.get(thread % ports.size());
                while ((claimed.get() < FRAMES || !sendersDone.getAsBoolean()) && System.nanoTime() < deadline) {
                    floodOneConnection(port, frames, flood, claimed, sendersDone);
                }
            });
        }
        threads.shutdown();
        if (!threads.awaitTermination(FLOOD_BOUND.toSeconds() + 30, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
        return flood;
    }

    /** Up to {@link #FRAMES_PER_CONNECTION} frames on one connection, reading whatever comes back in between. */
    private static void floodOneConnection(int port, AbuseFrames frames, Flood flood, AtomicInteger claimed,
                                           BooleanSupplier sendersDone) {
        try (Socket socket = connect(port)) {
            flood.connections.incrementAndGet();
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < FRAMES_PER_CONNECTION; i++) {
                if (claimed.getAndIncrement() >= FRAMES && sendersDone.getAsBoolean()) {
                    return;
                }
                try {
                    out.write(frames.next());
                    out.flush();
                } catch (IOException e) {
                    // the frame did not go out; let another connection send it
                    claimed.decrementAndGet();
                    flood.closedByServer.incrementAndGet();
                    return;
                }
                flood.frames.incrementAndGet();
                drain(in);
            }
        } catch (IOException e) {
            // connect failed or the server closed the connection while draining: try again on a new one
            flood.closedByServer.incrementAndGet();
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        // no TIME_WAIT: tens of thousands of short connections must not exhaust the loopback ports
        socket.setSoLinger(true, 0);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return socket;
    }

    private static void drain(InputStream in) throws IOException {
        int available = in.available();
        while (available > 0) {
            long skipped = in.skip(available);
            if (skipped <= 0) {
                return;
            }
            available = in.available();
        }
    }

    private static List<Socket> openIdle(int port, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(connect(port));
            }
        } catch (IOException e) {
            closeAll(sockets);
            throw e;
        }
        return sockets;
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a test socket
            }
        }
    }

    private static long rssKb(long pid) throws IOException {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** Sends GET_ALL_TOPIC_CONFIG requests as fast as it can and never reads an answer. */
    private static final class SlowReader extends Thread implements AutoCloseable {
        final AtomicLong requests = new AtomicLong();
        private final AtomicLong lastProgressNanos = new AtomicLong(System.nanoTime());
        private final Socket socket;

        SlowReader(int port) throws IOException {
            super("slow-reader");
            setDaemon(true);
            socket = connect(port);
        }

        @Override
        public void run() {
            ByteBuffer encoded = RemotingCommand.createRequestCommand(GET_ALL_TOPIC_CONFIG, null).encode();
            byte[] frame = new byte[encoded.remaining()];
            encoded.get(frame);
            try {
                OutputStream out = socket.getOutputStream();
                while (!isInterrupted()) {
                    out.write(frame);
                    requests.incrementAndGet();
                    lastProgressNanos.set(System.nanoTime());
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        }

        /** Waits, up to {@code bound}, until the writes made no progress for {@link #STALLED_NANOS}. */
        long awaitStall(Duration bound) throws InterruptedException {
            long deadline = System.nanoTime() + bound.toNanos();
            while (System.nanoTime() - lastProgressNanos.get() < STALLED_NANOS && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastProgressNanos.get());
        }

        @Override
        public void close() throws IOException {
            interrupt();
            socket.close();
        }
    }

    /** An Apache producer sending one message every 50 ms, counting attempts and SEND_OK. */
    private static final class LegitimateSender extends Thread {
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger ok = new AtomicInteger();
        final Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicLong maxMillis = new AtomicLong();
        private final DefaultMQProducer producer;
        private final String topic;
        private volatile boolean running = true;

        LegitimateSender(String namesrvAddr, String topic) throws Exception {
            super("legitimate-sender");
            this.producer = ApacheClients.startedProducer("AbuseLegitProducer", namesrvAddr);
            this.topic = topic;
        }

        @Override
        public void run() {
            while (running) {
                attempts.incrementAndGet();
                long start = System.nanoTime();
                try {
                    Message message = new Message(topic, ("legit-" + attempts.get()).getBytes(StandardCharsets.UTF_8));
                    SendStatus status = producer.send(message).getSendStatus();
                    if (status == SendStatus.SEND_OK) {
                        ok.incrementAndGet();
                    } else {
                        failures.merge(status.name(), 1, Integer::sum);
                    }
                } catch (Exception e) {
                    failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                }
                maxMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopAndJoin() throws InterruptedException {
            running = false;
            join(30_000);
            producer.shutdown();
        }
    }
}
