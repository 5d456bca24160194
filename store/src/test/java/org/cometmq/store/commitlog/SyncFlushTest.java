package org.cometmq.store.commitlog;

import static org.cometmq.store.StoreTestSupport.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.store.AppendMessageResult;
import org.cometmq.store.DefaultMessageStore;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.StoreTestSupport;
import org.cometmq.store.config.FlushDiskType;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.logfile.MappedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncFlushTest {

    @TempDir
    Path dir;

    private static MessageExt readThroughFreshChannel(Path commitLogDir, int fileSize, AppendMessageResult r)
        throws Exception {
        long fileStart = r.getWroteOffset() - r.getWroteOffset() % fileSize;
        Path file = commitLogDir.resolve(MappedFile.fileNameOf(fileStart));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer record = ByteBuffer.allocate(r.getWroteBytes());
            channel.read(record, r.getWroteOffset() - fileStart);
            record.flip();
            return MessageDecoder.decode(record, true, false);
        }
    }

    @Test
    void acknowledgedMessagesAreFlushedAndReadableFromDisk() throws Exception {
        MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
        config.setFlushDiskType(FlushDiskType.SYNC_FLUSH);
        DefaultMessageStore store = new DefaultMessageStore(config, null);
        assertTrue(store.load());
        store.start();
        try {
            List<CompletableFuture<PutMessageResult>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(store.asyncPutMessage(message("S", 0, StoreTestSupport.numberedBody(i), null, null)));
            }
            for (int i = 0; i < futures.size(); i++) {
                PutMessageResult result = futures.get(i).get();
                assertEquals(PutMessageStatus.PUT_OK, result.getPutMessageStatus());
                AppendMessageResult r = result.getAppendMessageResult();
                assertTrue(store.getCommitLog().getFlushedWhere() >= r.getWroteOffset() + r.getWroteBytes(),
                    "acknowledged only once forced");
                MessageExt fromDisk = readThroughFreshChannel(dir.resolve("commitlog"),
                    config.getMappedFileSizeCommitLog(), r);
                assertArrayEquals(StoreTestSupport.numberedBody(i), fromDisk.getBody());
                assertEquals(i, fromDisk.getQueueOffset());
            }
            MessageExtBrokerInner noWait = message("S", 0, StoreTestSupport.body("nowait"), null, null);
            noWait.setWaitStoreMsgOK(false);
            noWait.setPropertiesString(MessageDecoder.messageProperties2String(noWait.getProperties()));
            assertEquals(PutMessageStatus.PUT_OK, store.putMessage(noWait).getPutMessageStatus());
        } finally {
            store.shutdown();
        }
    }
}
