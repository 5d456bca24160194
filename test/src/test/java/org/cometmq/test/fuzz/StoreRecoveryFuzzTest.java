package org.cometmq.test.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.store.DefaultMessageStore;
import org.cometmq.store.GetMessageResult;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.config.MessageStoreConfig;

/**
 * Store recovery over mutated files: a small store written once, then per input a copy whose commit-log,
 * consume-queue or checkpoint bytes are overwritten where the input says, after a clean exit or a crash (abort
 * file). Loading, recovering, starting, reading every queue and shutting down must work without an exception
 * escaping: damaged data is cut or skipped, never a reason for the broker to die.
 */
class StoreRecoveryFuzzTest {
    private static final String TOPIC = "FuzzTopic";
    private static final int QUEUES = 2;
    private static final int CQ_FILE_SIZE = 20 * 50;
    private static final List<String> FILES = List.of("commitlog/00000000000000000000",
        "consumequeue/" + TOPIC + "/0/00000000000000000000", "consumequeue/" + TOPIC + "/1/00000000000000000000",
        "checkpoint");
    private static Path template;

    @FuzzTest(maxDuration = "30s")
    void recoveryOverMutatedFiles(FuzzedDataProvider data) throws Exception {
        Path dir = Files.createTempDirectory("fuzz-store");
        try {
            copyTree(template(), dir);
            boolean crashed = data.consumeBoolean();
            if (crashed) {
                Files.writeString(dir.resolve("abort"), "");
            }
            int mutations = data.consumeInt(1, 16);
            for (int i = 0; i < mutations && data.remainingBytes() > 0; i++) {
                mutate(dir.resolve(data.pickValue(FILES)), data.consumeInt(0, Integer.MAX_VALUE),
                    data.consumeBytes(data.consumeInt(1, 8)));
            }
            recoverAndReadAll(dir);
        } finally {
            deleteTree(dir);
        }
    }

    private static void recoverAndReadAll(Path dir) throws Exception {
        DefaultMessageStore store = new DefaultMessageStore(config(dir), null);
        try {
            if (!store.load()) {
                return; // refused with a logged reason, as the broker refuses to start
            }
            store.start();
            for (int queueId = 0; queueId < QUEUES; queueId++) {
                long max = store.getMaxOffsetInQueue(TOPIC, queueId);
                for (long offset = store.getMinOffsetInQueue(TOPIC, queueId); offset < max; ) {
                    GetMessageResult result = store.getMessage("fuzz", TOPIC, queueId, offset, 32, null);
                    if (result == null || result.getNextBeginOffset() <= offset) {
                        break;
                    }
                    result.release();
                    offset = result.getNextBeginOffset();
                }
            }
        } finally {
            store.shutdown();
        }
    }

    private static synchronized Path template() throws Exception {
        if (template == null) {
            Path dir = Files.createTempDirectory("fuzz-store-template");
            DefaultMessageStore store = new DefaultMessageStore(config(dir), null);
            store.load();
            store.start();
            for (int i = 0; i < 40; i++) {
                store.putMessage(message(i % QUEUES, "body-" + i));
            }
            while (store.getMaxOffsetInQueue(TOPIC, 0) < 20 || store.getMaxOffsetInQueue(TOPIC, 1) < 20) {
                Thread.sleep(5);
            }
            store.shutdown();
            template = dir;
        }
        return template;
    }

    private static MessageStoreConfig config(Path dir) {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(dir.toString());
        config.setStorePathCommitLog(dir.resolve("commitlog").toString());
        config.setMappedFileSizeCommitLog(64 * 1024);
        config.setMappedFileSizeConsumeQueue(CQ_FILE_SIZE);
        config.setMaxHashSlotNum(100);
        config.setMaxIndexNum(400);
        return config;
    }

    private static MessageExtBrokerInner message(int queueId, String body) {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(TOPIC);
        msg.setQueueId(queueId);
        msg.setBody(body.getBytes(StandardCharsets.UTF_8));
        msg.setKeys("k" + body);
        msg.setBornTimestamp(System.currentTimeMillis());
        msg.setBornHost(new InetSocketAddress("127.0.0.1", 50123));
        msg.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
        msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
        return msg;
    }

    private static void mutate(Path file, int position, byte[] bytes) throws IOException {
        if (!Files.exists(file) || bytes.length == 0) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            if (length == 0) {
                return;
            }
            long at = Math.floorMod(position, length);
            raf.seek(at);
            raf.write(bytes, 0, (int) Math.min(bytes.length, length - at));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().equals("lock")) {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
