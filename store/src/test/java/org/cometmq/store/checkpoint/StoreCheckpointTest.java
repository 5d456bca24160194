package org.cometmq.store.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void persistsThreeTimestampsInOnePage() throws Exception {
        Path path = dir.resolve("checkpoint");
        StoreCheckpoint checkpoint = new StoreCheckpoint(path.toString());
        checkpoint.setPhysicMsgTimestamp(10_000);
        checkpoint.setLogicsMsgTimestamp(8_000);
        checkpoint.setIndexMsgTimestamp(4_000);
        checkpoint.shutdown();
        byte[] bytes = Files.readAllBytes(path);
        assertEquals(4096, bytes.length);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        assertEquals(10_000, b.getLong(0));
        assertEquals(8_000, b.getLong(8));
        assertEquals(4_000, b.getLong(16));
        StoreCheckpoint reread = new StoreCheckpoint(path.toString());
        assertEquals(5_000, reread.getMinTimestamp(), "min(physic, logics) - 3 s");
        assertEquals(4_000, reread.getMinTimestampIndex());
        reread.setLogicsMsgTimestamp(1_000);
        assertEquals(0, reread.getMinTimestamp(), "never negative");
        reread.shutdown();
    }
}
