package org.cometmq.store.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cometmq.store.DefaultMessageStore;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.StoreTestSupport;
import org.cometmq.store.config.MessageStoreConfig;
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
 * Commit-log append throughput of 1 KiB messages under ASYNC_FLUSH (1 and 4 threads), against a plain
 * sequential FileChannel write of the same record bytes as the physical reference. Each iteration starts on a
 * fresh store directory so disk use stays bounded.
 *
 * <pre>COMET_TARGET=target-store bash bench/jmh.sh store StoreAppendBenchmark -f 1 -wi 2 -w 2 -i 3 -r 3</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreAppendBenchmark {

    static final int BODY_SIZE = 1024;
    static final int FILE_SIZE = 256 * 1024 * 1024;

    /** One store per iteration. */
    @State(Scope.Benchmark)
    public static class StoreState {
        Path dir;
        DefaultMessageStore store;

        @Setup(Level.Iteration)
        public void open() throws Exception {
            dir = Files.createTempDirectory("comet-store-bench");
            MessageStoreConfig config = new MessageStoreConfig();
            config.setStorePathRootDir(dir.toString());
            config.setHaListenPort(0);
            config.setMappedFileSizeCommitLog(FILE_SIZE);
            config.setMessageIndexEnable(false);
            store = new DefaultMessageStore(config, null);
            store.load();
            store.start();
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            store.shutdown();
            deleteTree(dir);
        }
    }

    /** Each thread reuses one message, as a broker worker reuses its buffers. */
    @State(Scope.Thread)
    public static class MessageState {
        final byte[] body = new byte[BODY_SIZE];
        MessageExtBrokerInner msg;
        int queueId;

        @Setup(Level.Iteration)
        public void build() {
            queueId = (int) (Thread.currentThread().getId() % 4);
            msg = StoreTestSupport.message("BenchTopic", queueId, body, "TagA", null);
        }
    }

    /** A plain file written sequentially with the same record bytes. */
    @State(Scope.Thread)
    public static class ChannelState {
        Path dir;
        FileChannel channel;
        ByteBuffer record;
        long position;

        @Setup(Level.Iteration)
        public void open() throws IOException {
            dir = Files.createTempDirectory("comet-channel-bench");
            channel = FileChannel.open(dir.resolve("reference"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
            MessageExtBrokerInner msg = StoreTestSupport.message("BenchTopic", 0, new byte[BODY_SIZE], "TagA", null);
            int recordSize = 91 + BODY_SIZE + "BenchTopic".length() + msg.getPropertiesString().length();
            record = ByteBuffer.allocate(recordSize);
            position = 0;
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            channel.close();
            deleteTree(dir);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static PutMessageStatus append(StoreState s, MessageState m) {
        PutMessageResult result = s.store.putMessage(m.msg);
        return result.getPutMessageStatus();
    }

    @Benchmark
    @Threads(1)
    public PutMessageStatus append1Thread(StoreState s, MessageState m) {
        return append(s, m);
    }

    @Benchmark
    @Threads(4)
    public PutMessageStatus append4Threads(StoreState s, MessageState m) {
        return append(s, m);
    }

    /** The physical reference: the same bytes per operation, written with FileChannel.write at the next position. */
    @Benchmark
    @Threads(1)
    public int fileChannelWrite1Thread(ChannelState c) throws IOException {
        c.record.clear();
        int written = c.channel.write(c.record, c.position);
        c.position += written;
        if (c.position >= FILE_SIZE) {
            c.position = 0;
        }
        return written;
    }
}
