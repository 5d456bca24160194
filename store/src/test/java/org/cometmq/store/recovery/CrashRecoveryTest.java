package org.cometmq.store.recovery;

import static org.cometmq.store.StoreTestSupport.await;
import static org.cometmq.store.StoreTestSupport.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.store.AppendMessageResult;
import org.cometmq.store.DefaultMessageStore;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.QueryMessageResult;
import org.cometmq.store.StoreTestSupport;
import org.cometmq.store.config.MessageStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies a running store's directory (as a crash would leave it), damages the copy, and checks that a store
 * opened on it serves exactly the messages before the damage, with queues and index in agreement.
 */
class CrashRecoveryTest {

    private static final int QUEUES = 3;
    private static final int COUNT = 3000;

    @TempDir
    Path live;
    @TempDir
    Path copy;

    /** Where each message went: commit-log offset, size, queue, queue offset. */
    private final List<long[]> written = new ArrayList<>();

    private MessageStoreConfig config(Path root) {
        return StoreTestSupport.smallConfig(root);
    }

    private static byte[] bodyOf(int i) {
        return StoreTestSupport.numberedBody(i);
    }

    /** Writes COUNT messages, waits for dispatch, copies the directory without shutting down. */
    private void writeAndCopy() throws Exception {
        DefaultMessageStore store = new DefaultMessageStore(config(live), null);
        assertTrue(store.load());
        store.start();
        try {
            for (int i = 0; i < COUNT; i++) {
                PutMessageResult r = store.putMessage(message("C", i % QUEUES, bodyOf(i), null, "ck-" + i));
                assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus());
                AppendMessageResult a = r.getAppendMessageResult();
                written.add(new long[] {a.getWroteOffset(), a.getWroteBytes(), i % QUEUES, a.getLogicsOffset()});
            }
            assertTrue(await(() -> store.dispatchBehindBytes() == 0, 10_000));
            StoreTestSupport.copyTree(live, copy);
        } finally {
            store.shutdown();
        }
        assertTrue(Files.exists(copy.resolve("abort")), "the copy looks like a crashed store");
    }

    private DefaultMessageStore openCopy() throws Exception {
        DefaultMessageStore store = new DefaultMessageStore(config(copy), null);
        assertTrue(store.load());
        store.start();
        return store;
    }

    private Path lastCommitLogFile() throws Exception {
        try (Stream<Path> files = Files.list(copy.resolve("commitlog"))) {
            return files.sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    /** Asserts the store holds exactly messages [0, kept) and that queues and index agree with the log. */
    private void assertHoldsExactly(DefaultMessageStore store, int kept) {
        int[] perQueue = new int[QUEUES];
        for (int i = 0; i < kept; i++) {
            perQueue[i % QUEUES]++;
        }
        for (int q = 0; q < QUEUES; q++) {
            assertEquals(perQueue[q], store.getMaxOffsetInQueue("C", q), "queue " + q);
            List<MessageExt> read = StoreTestSupport.readQueue(store, "C", q, 0, COUNT);
            assertEquals(perQueue[q], read.size(), "queue " + q);
            for (int n = 0; n < read.size(); n++) {
                int i = n * QUEUES + q;
                assertArrayEquals(bodyOf(i), read.get(n).getBody(), "message " + i);
                assertEquals(written.get(i)[0], read.get(n).getCommitLogOffset());
                assertEquals(written.get(i)[0], store.getCommitLogOffsetInQueue("C", q, n));
            }
        }
        assertKeyCount(store, "ck-0", 1);
        assertKeyCount(store, "ck-" + (kept - 1), 1);
        if (kept < COUNT) {
            assertKeyCount(store, "ck-" + kept, 0);
            assertKeyCount(store, "ck-" + (COUNT - 1), 0);
            assertEquals(written.get(kept)[0], store.getMaxPhyOffset());
            assertNull(store.lookMessageByOffset(written.get(kept)[0]));
        }
    }

    private static void assertKeyCount(DefaultMessageStore store, String key, int expected) {
        QueryMessageResult result = store.queryMessage("C", key, 32, 0, Long.MAX_VALUE);
        try {
            assertEquals(expected, result.getMessageBufferList().size(), "messages with key " + key);
        } finally {
            result.release();
        }
    }

    /** After recovery, new puts continue the queues and a clean restart keeps everything. */
    private void assertWritableAndRestartable(DefaultMessageStore store, int kept) throws Exception {
        int q = kept % QUEUES;
        long expectedOffset = store.getMaxOffsetInQueue("C", q);
        PutMessageResult r = store.putMessage(message("C", q, bodyOf(kept), null, "ck-" + kept));
        assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus());
        assertEquals(expectedOffset, r.getAppendMessageResult().getLogicsOffset());
        assertTrue(await(() -> store.dispatchBehindBytes() == 0, 10_000));
        store.shutdown();
        DefaultMessageStore reopened = openCopy();
        try {
            assertEquals(expectedOffset + 1, reopened.getMaxOffsetInQueue("C", q));
            MessageExt last = reopened.lookMessageByOffset(reopened.getCommitLogOffsetInQueue("C", q, expectedOffset));
            assertArrayEquals(bodyOf(kept), last.getBody());
            assertKeyCount(reopened, "ck-" + kept, 1);
        } finally {
            reopened.shutdown();
        }
    }

    private int firstMessageIn(Path file, int skip) {
        long start = Long.parseLong(file.getFileName().toString());
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i)[0] >= start) {
                return i + skip;
            }
        }
        throw new AssertionError("no message in " + file);
    }

    @Test
    void flippedAndTruncatedCommitLogTailIsCutAtTheDamage() throws Exception {
        writeAndCopy();
        Path last = lastCommitLogFile();
        int victim = firstMessageIn(last, 5);
        long fileStart = Long.parseLong(last.getFileName().toString());
        long victimPos = written.get(victim)[0] - fileStart;
        try (RandomAccessFile raf = new RandomAccessFile(last.toFile(), "rw")) {
            long bodyByte = victimPos + MessageDecoder.bodySizePosition(0) + 4 + 3;
            raf.seek(bodyByte);
            int b = raf.read();
            raf.seek(bodyByte);
            raf.write(b ^ 0x5A);
            raf.setLength(victimPos + written.get(victim)[1] + 150);
        }
        DefaultMessageStore store = openCopy();
        assertHoldsExactly(store, victim);
        assertWritableAndRestartable(store, victim);
    }

    @Test
    void tornMagicCodeEndsTheLogThere() throws Exception {
        writeAndCopy();
        Path last = lastCommitLogFile();
        int victim = firstMessageIn(last, 1);
        long victimPos = written.get(victim)[0] - Long.parseLong(last.getFileName().toString());
        try (RandomAccessFile raf = new RandomAccessFile(last.toFile(), "rw")) {
            raf.seek(victimPos + 4);
            raf.writeInt(0);
        }
        DefaultMessageStore store = openCopy();
        assertHoldsExactly(store, victim);
        assertWritableAndRestartable(store, victim);
    }

    @Test
    void tornConsumeQueueIsRebuiltFromTheCommitLog() throws Exception {
        writeAndCopy();
        Path queueDir = copy.resolve("consumequeue").resolve("C").resolve("1");
        Path lastCq;
        try (Stream<Path> files = Files.list(queueDir)) {
            lastCq = files.sorted().reduce((a, b) -> b).orElseThrow();
        }
        long entries = ((COUNT / QUEUES) - 1) % 100 + 1;
        try (RandomAccessFile raf = new RandomAccessFile(lastCq.toFile(), "rw")) {
            raf.seek((entries - 6) * 20);
            raf.write(new byte[6 * 20]);
            raf.setLength((entries - 3) * 20);
        }
        DefaultMessageStore store = openCopy();
        assertHoldsExactly(store, COUNT);
        assertWritableAndRestartable(store, COUNT);
    }

    @Test
    void missingCheckpointReplaysFromTheFirstFile() throws Exception {
        writeAndCopy();
        Files.delete(copy.resolve("checkpoint"));
        try (Stream<Path> index = Files.list(copy.resolve("index"))) {
            for (Path p : (Iterable<Path>) index::iterator) {
                Files.delete(p);
            }
        }
        DefaultMessageStore store = openCopy();
        assertHoldsExactly(store, COUNT);
        assertWritableAndRestartable(store, COUNT);
    }
}
