package org.cometmq.store.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cometmq.store.DefaultMessageStore;
import org.cometmq.store.GetMessageResult;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.StoreTestSupport;
import org.cometmq.store.config.MessageStoreConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Pull read throughput: getMessage batches of 32 1 KiB messages from a pre-filled queue (in memory), counted
 * per message. The windows are released as a broker would after sending them.
 *
 * <pre>COMET_TARGET=target-store bash bench/jmh.sh store GetMessageBenchmark -f 1 -wi 2 -w 2 -i 3 -r 3</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class GetMessageBenchmark {

    static final int MESSAGES = 100_000;
    static final int BATCH = 32;

    Path dir;
    DefaultMessageStore store;
    long offset;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        dir = Files.createTempDirectory("comet-get-bench");
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(dir.toString());
        config.setHaListenPort(0);
        config.setMappedFileSizeCommitLog(128 * 1024 * 1024);
        config.setMessageIndexEnable(false);
        store = new DefaultMessageStore(config, null);
        store.load();
        store.start();
        byte[] body = new byte[1024];
        for (int i = 0; i < MESSAGES; i++) {
            MessageExtBrokerInner msg = StoreTestSupport.message("ReadTopic", 0, body, "TagA", null);
            store.putMessage(msg);
        }
        while (store.dispatchBehindBytes() > 0) {
            Thread.sleep(10);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.shutdown();
        StoreAppendBenchmark.deleteTree(dir);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int getMessageBatchOf32() {
        GetMessageResult result = store.getMessage("g", "ReadTopic", 0, offset, BATCH, null);
        int count = result.getMessageCount();
        long next = result.getNextBeginOffset();
        result.release();
        offset = next >= MESSAGES ? 0 : next;
        return count;
    }
}
