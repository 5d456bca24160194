package org.cometmq.store.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cometmq.store.DispatchRequest;
import org.cometmq.store.RunningFlags;
import org.cometmq.store.checkpoint.StoreCheckpoint;
import org.cometmq.store.config.MessageStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexServiceTest {

    @TempDir
    Path dir;

    @Test
    void indexFileLayoutAndChainedLookup() throws Exception {
        String path = dir.resolve("20240101000000000").toString();
        IndexFile file = new IndexFile(path, 4, 10, 0, 0);
        assertEquals(40 + 4 * 4 + 10 * 20, IndexFile.fileSize(4, 10));
        assertEquals(IndexFile.fileSize(4, 10), Files.size(Path.of(path)));
        assertTrue(file.putKey("T#a", 100, 1_000_000));
        assertTrue(file.putKey("T#b", 200, 1_001_000));
        assertTrue(file.putKey("T#a", 300, 1_002_000));
        assertEquals(4, file.getIndexCount(), "starts at 1");
        assertEquals(100, file.getBeginPhyOffset());
        assertEquals(300, file.getEndPhyOffset());
        List<Long> hits = new ArrayList<>();
        file.selectPhyOffset(hits, "T#a", 10, 0, Long.MAX_VALUE);
        assertEquals(List.of(300L, 100L), hits, "newest first along the slot chain");
        hits.clear();
        file.selectPhyOffset(hits, "T#a", 10, 1_001_500, Long.MAX_VALUE);
        assertEquals(List.of(300L), hits, "time range applies");
        int slot = IndexFile.indexKeyHashMethod("T#a") % 4;
        assertEquals(3, file.mappedBuffer().getInt(40 + slot * 4), "slot holds the newest entry number");
        file.destroy(0);
    }

    @Test
    void rollsToNewFileWhenFullAndQueriesAcrossFiles() throws Exception {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(dir.toString());
        config.setMaxHashSlotNum(8);
        config.setMaxIndexNum(5);
        StoreCheckpoint checkpoint = new StoreCheckpoint(dir.resolve("checkpoint").toString());
        IndexService service = new IndexService(config, checkpoint, new RunningFlags());
        long now = System.currentTimeMillis();
        for (int i = 0; i < 10; i++) {
            service.buildIndex(new DispatchRequest("T", 0, 1000L * (i + 1), 100, 0, now + i, i,
                "k" + (i % 2) + " shared", "U" + i, 0, 0, null));
        }
        assertTrue(service.getIndexFileCount() >= 5, "4 entries per file, 3 keys per message");
        QueryOffsetResult shared = service.queryOffset("T", "shared", 64, 0, Long.MAX_VALUE);
        assertEquals(10, shared.getPhyOffsets().size());
        QueryOffsetResult k1 = service.queryOffset("T", "k1", 64, 0, Long.MAX_VALUE);
        List<Long> sorted = new ArrayList<>(k1.getPhyOffsets());
        sorted.sort(Long::compare);
        assertEquals(List.of(2000L, 4000L, 6000L, 8000L, 10000L), sorted);
        assertEquals(List.of(7000L), service.queryOffset("T", "U6", 64, 0, Long.MAX_VALUE).getPhyOffsets());
        assertEquals(0, service.queryOffset("Other", "U6", 64, 0, Long.MAX_VALUE).getPhyOffsets().size());
        assertEquals(10000L, shared.getIndexLastUpdatePhyoffset());
        service.shutdown();
        assertTrue(checkpoint.getIndexMsgTimestamp() >= now, "a full file's flush records its end time");
        service.destroy();
        checkpoint.shutdown();
    }

    @Test
    void rollbackRecordsAreNotIndexed() throws Exception {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(dir.toString());
        config.setMaxHashSlotNum(8);
        config.setMaxIndexNum(16);
        StoreCheckpoint checkpoint = new StoreCheckpoint(dir.resolve("checkpoint").toString());
        IndexService service = new IndexService(config, checkpoint, new RunningFlags());
        service.buildIndex(new DispatchRequest("T", 0, 500, 100, 0, 1, 0, "rk", null, 0xC, 0, null));
        assertEquals(0, service.queryOffset("T", "rk", 64, 0, Long.MAX_VALUE).getPhyOffsets().size());
        service.destroy();
        checkpoint.shutdown();
    }
}
