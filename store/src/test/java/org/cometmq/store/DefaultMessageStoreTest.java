package org.cometmq.store;

import static org.cometmq.store.StoreTestSupport.await;
import static org.cometmq.store.StoreTestSupport.body;
import static org.cometmq.store.StoreTestSupport.decodeAndRelease;
import static org.cometmq.store.StoreTestSupport.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageExtBatch;
import org.cometmq.store.config.MessageStoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultMessageStoreTest {

    @TempDir
    Path dir;

    private DefaultMessageStore store;

    private DefaultMessageStore open(MessageStoreConfig config) throws Exception {
        DefaultMessageStore s = new DefaultMessageStore(config, null);
        assertTrue(s.load());
        s.start();
        return s;
    }

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.shutdown();
        }
    }

    private PutMessageResult put(String topic, int queueId, String text, String tags, String keys) {
        return store.putMessage(message(topic, queueId, body(text), tags, keys));
    }

    private void awaitDispatched() throws InterruptedException {
        assertTrue(await(() -> store.dispatchBehindBytes() == 0, 10_000), "dispatch did not catch up");
    }

    @Test
    void hundredThousandMessagesAcrossFilesReadBackExactly() throws Exception {
        MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
        config.setMappedFileSizeCommitLog(1024 * 1024);
        config.setMappedFileSizeConsumeQueue(1000 * 20);
        config.setMessageIndexEnable(false);
        store = open(config);
        int total = 100_000;
        int queues = 4;
        long[] expectedOffset = new long[queues];
        for (int i = 0; i < total; i++) {
            int queueId = i % queues;
            PutMessageResult r = store.putMessage(message("Big", queueId, StoreTestSupport.numberedBody(i), null, null));
            assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus());
            assertEquals(expectedOffset[queueId]++, r.getAppendMessageResult().getLogicsOffset());
        }
        assertTrue(store.getCommitLog().getMappedFileQueue().getMappedFiles().size() >= 10, "several files");
        awaitDispatched();
        for (int queueId = 0; queueId < queues; queueId++) {
            assertEquals(total / queues, store.getMaxOffsetInQueue("Big", queueId));
            List<MessageExt> read = StoreTestSupport.readQueue(store, "Big", queueId, 0, total);
            assertEquals(total / queues, read.size());
            for (int n = 0; n < read.size(); n++) {
                MessageExt m = read.get(n);
                assertEquals(n, m.getQueueOffset());
                assertEquals(queueId, m.getQueueId());
                assertArrayEquals(StoreTestSupport.numberedBody(n * queues + queueId), m.getBody());
            }
        }
        assertEquals(total, store.getStoreStatsService().getPutMessageTimesTotal());
    }

    @Test
    void pullStatusesFollowTheSpec() throws Exception {
        store = open(StoreTestSupport.smallConfig(dir));
        GetMessageResult none = store.getMessage("g", "Nope", 0, 5, 32, null);
        assertEquals(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, none.getStatus());
        assertEquals(0, none.getNextBeginOffset());
        for (int i = 0; i < 10; i++) {
            put("P", 0, "m" + i, i % 2 == 0 ? "even" : "odd", null);
        }
        awaitDispatched();
        GetMessageResult found = store.getMessage("g", "P", 0, 3, 4, null);
        assertEquals(GetMessageStatus.FOUND, found.getStatus());
        assertEquals(4, found.getMessageCount());
        assertEquals(7, found.getNextBeginOffset());
        assertEquals(0, found.getMinOffset());
        assertEquals(10, found.getMaxOffset());
        assertEquals(List.of(3L, 4L, 5L, 6L), found.getMessageQueueOffset());
        assertEquals("m3", new String(decodeAndRelease(found).get(0).getBody(), StandardCharsets.UTF_8));

        GetMessageResult one = store.getMessage("g", "P", 0, 10, 32, null);
        assertEquals(GetMessageStatus.OFFSET_OVERFLOW_ONE, one.getStatus());
        assertEquals(10, one.getNextBeginOffset());
        GetMessageResult badly = store.getMessage("g", "P", 0, 15, 32, null);
        assertEquals(GetMessageStatus.OFFSET_OVERFLOW_BADLY, badly.getStatus());
        assertEquals(10, badly.getNextBeginOffset(), "past the end the consumer is sent back to the max (4.9.7)");

        MessageFilter onlyOdd = new MessageFilter() {
            @Override
            public boolean isMatchedByConsumeQueue(Long tagsCode, byte[] filterBitMap) {
                return tagsCode == "odd".hashCode();
            }

            @Override
            public boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties) {
                return true;
            }
        };
        GetMessageResult filtered = store.getMessage("g", "P", 0, 0, 3, onlyOdd);
        assertEquals(GetMessageStatus.FOUND, filtered.getStatus());
        assertEquals(List.of(1L, 3L, 5L), filtered.getMessageQueueOffset());
        assertEquals(6, filtered.getNextBeginOffset(), "filtered entries count as scanned");
        filtered.release();
        MessageFilter nothing = new MessageFilter() {
            @Override
            public boolean isMatchedByConsumeQueue(Long tagsCode, byte[] filterBitMap) {
                return false;
            }

            @Override
            public boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties) {
                return false;
            }
        };
        GetMessageResult unmatched = store.getMessage("g", "P", 0, 2, 32, nothing);
        assertEquals(GetMessageStatus.NO_MATCHED_MESSAGE, unmatched.getStatus());
        assertEquals(10, unmatched.getNextBeginOffset());

        GetMessageResult empty = store.getMessage("g", "P", 1, 0, 32, null);
        assertEquals(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, empty.getStatus());
    }

    @Test
    void batchLimitsInMemoryAndOnDisk() throws Exception {
        MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
        config.setMaxTransferCountOnMessageInMemory(5);
        store = open(config);
        for (int i = 0; i < 20; i++) {
            put("L", 0, "x".repeat(100), null, null);
        }
        awaitDispatched();
        GetMessageResult inMemory = store.getMessage("g", "L", 0, 0, 32, null);
        assertEquals(5, inMemory.getMessageCount());
        assertEquals(5, inMemory.getNextBeginOffset());
        inMemory.release();
        config.setAccessMessageInMemoryMaxRatio(0);
        config.setMaxTransferCountOnMessageInDisk(3);
        GetMessageResult onDisk = store.getMessage("g", "L", 0, 0, 32, null);
        assertEquals(3, onDisk.getMessageCount());
        assertTrue(onDisk.isSuggestPullingFromSlave());
        onDisk.release();
        config.setMaxTransferBytesOnMessageInDisk(450);
        config.setMaxTransferCountOnMessageInDisk(8);
        GetMessageResult byBytes = store.getMessage("g", "L", 0, 0, 32, null);
        int size = byBytes.getMessageMapedList().get(0).getSize();
        assertEquals(450 / size, byBytes.getMessageCount());
        byBytes.release();
    }

    @Test
    void lookupsByOffsetKeyAndTime() throws Exception {
        store = open(StoreTestSupport.smallConfig(dir));
        List<PutMessageResult> results = new ArrayList<>();
        long before = System.currentTimeMillis();
        for (int i = 0; i < 50; i++) {
            MessageExtBrokerInner msg = message("K", i % 2, body("body-" + i), "tag", "key-" + i + " group-" + (i % 5));
            StoreTestSupport.putProperty(msg, "UNIQ_KEY", "U-" + i);
            results.add(store.putMessage(msg));
        }
        awaitDispatched();
        AppendMessageResult seventh = results.get(7).getAppendMessageResult();
        MessageExt looked = store.lookMessageByOffset(seventh.getWroteOffset());
        assertEquals("body-7", new String(looked.getBody(), StandardCharsets.UTF_8));
        assertEquals(seventh.getMsgId(), looked.getMsgId());
        SelectMappedBufferResult raw = store.selectOneMessageByOffset(seventh.getWroteOffset());
        assertEquals(seventh.getWroteBytes(), raw.getSize());
        raw.release();
        assertNull(store.lookMessageByOffset(seventh.getWroteOffset() + 3), "not a record start");

        QueryMessageResult byKey = store.queryMessage("K", "key-7", 32, 0, Long.MAX_VALUE);
        assertEquals(1, byKey.getMessageBufferList().size());
        assertEquals("body-7", new String(MessageDecoder.decode(byKey.getMessageBufferList().get(0)).getBody(),
            StandardCharsets.UTF_8));
        byKey.release();
        QueryMessageResult group = store.queryMessage("K", "group-3", 32, 0, Long.MAX_VALUE);
        assertEquals(10, group.getMessageBufferList().size());
        group.release();
        QueryMessageResult uniq = store.queryMessage("K", "U-42", 32, 0, Long.MAX_VALUE);
        assertEquals(1, uniq.getMessageBufferList().size());
        uniq.release();
        assertEquals(0, store.queryMessage("Other", "key-7", 32, 0, Long.MAX_VALUE).getMessageBufferList().size());

        assertEquals(0, store.getOffsetInQueueByTime("K", 0, before - 1));
        assertEquals(24, store.getOffsetInQueueByTime("K", 0, System.currentTimeMillis() + 1000), "the last entry");
        MessageExt twenty = store.lookMessageByOffset(store.getCommitLogOffsetInQueue("K", 0, 10));
        assertEquals("body-20", new String(twenty.getBody(), StandardCharsets.UTF_8));
        long byTime = store.getOffsetInQueueByTime("K", 0, twenty.getStoreTimestamp());
        assertEquals(twenty.getStoreTimestamp(), store.getMessageStoreTimeStamp("K", 0, byTime), "an exact match");
        assertEquals(store.getMessageStoreTimeStamp("K", 0, 0), store.getEarliestMessageTime("K", 0));
        assertEquals(store.getMessageStoreTimeStamp("K", 0, 0), store.getEarliestMessageTime());
        assertEquals(25, store.getMessageTotalInQueue("K", 1));
    }

    @Test
    void batchAppendStoresConsecutiveRecords() throws Exception {
        store = open(StoreTestSupport.smallConfig(dir));
        put("BT", 0, "single", null, null);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messages.add(new Message("BT", "t", "bk" + i, body("batched-" + i)));
        }
        MessageExtBatch batch = new MessageExtBatch();
        batch.setTopic("BT");
        batch.setQueueId(0);
        batch.setBody(MessageDecoder.encodeMessages(messages));
        batch.setBornHost(StoreTestSupport.BORN_HOST);
        batch.setStoreHost(StoreTestSupport.STORE_HOST);
        PutMessageResult r = store.putMessages(batch);
        assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus());
        assertEquals(1, r.getAppendMessageResult().getLogicsOffset());
        assertEquals(5, r.getAppendMessageResult().getMsgNum());
        assertEquals(5, r.getAppendMessageResult().getMsgId().split(",").length);
        awaitDispatched();
        List<MessageExt> read = StoreTestSupport.readQueue(store, "BT", 0, 0, 100);
        assertEquals(6, read.size());
        for (int i = 0; i < 5; i++) {
            assertEquals("batched-" + i, new String(read.get(i + 1).getBody(), StandardCharsets.UTF_8));
            assertEquals(i + 1, read.get(i + 1).getQueueOffset());
        }
        assertEquals(1, store.queryMessage("BT", "bk3", 32, 0, Long.MAX_VALUE).getMessageBufferList().size());
        MessageExtBatch broken = new MessageExtBatch();
        broken.setTopic("BT");
        broken.setBody(new byte[] {0, 0, 0, 50, 1});
        broken.setBornHost(StoreTestSupport.BORN_HOST);
        broken.setStoreHost(StoreTestSupport.STORE_HOST);
        assertEquals(PutMessageStatus.MESSAGE_ILLEGAL, store.putMessages(broken).getPutMessageStatus());
    }

    @Test
    void illegalMessagesAreRefusedWithClearStatus() throws Exception {
        MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
        config.setMaxMessageSize(1000);
        store = open(config);
        assertEquals(PutMessageStatus.MESSAGE_ILLEGAL,
            store.putMessage(message("T", 0, new byte[1001], null, null)).getPutMessageStatus());
        MessageExtBrokerInner props = message("T", 0, new byte[1], null, null);
        props.setPropertiesString("A\u0001" + "p".repeat(33_000));
        assertEquals(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED, store.putMessage(props).getPutMessageStatus());
        assertEquals(PutMessageStatus.MESSAGE_ILLEGAL,
            store.putMessage(message("T".repeat(128), 0, new byte[1], null, null)).getPutMessageStatus());
        assertEquals(PutMessageStatus.PUT_OK, put("T", 0, "fine", null, null).getPutMessageStatus());
        assertEquals(0, store.getMinOffsetInQueue("T", 0));
    }

    @Test
    void consumeQueueMinOffsetMovesAfterCommitLogDeletion() throws Exception {
        MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
        config.setFileReservedTime(0);
        store = open(config);
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            offsets.add(put("D", 0, "payload-" + i + "-" + "z".repeat(100), null, "dk" + i)
                .getAppendMessageResult().getWroteOffset());
        }
        awaitDispatched();
        int files = store.getCommitLog().getMappedFileQueue().getMappedFiles().size();
        assertTrue(files >= 4);
        // A flush may hold a file for a moment; the cleaner simply tries again on its next run.
        assertTrue(await(() -> {
            store.getCommitLog().deleteExpiredFile(0, 0, 1000, true);
            return store.getCommitLog().getMappedFileQueue().getMappedFiles().size() == 1;
        }, 5000));
        long commitLogMin = store.getMinPhyOffset();
        assertEquals(64 * 1024L * (files - 1), commitLogMin, "all but the last file deleted");
        GetMessageResult removing = store.getMessage("g", "D", 0, 0, 32, null);
        assertEquals(GetMessageStatus.MESSAGE_WAS_REMOVING, removing.getStatus());
        removing.release();
        store.cleanFilesPeriodically();
        int firstKept = 0;
        while (offsets.get(firstKept) < commitLogMin) {
            firstKept++;
        }
        assertEquals(firstKept, store.getMinOffsetInQueue("D", 0));
        GetMessageResult tooSmall = store.getMessage("g", "D", 0, 0, 32, null);
        assertEquals(GetMessageStatus.OFFSET_TOO_SMALL, tooSmall.getStatus());
        assertEquals(firstKept, tooSmall.getNextBeginOffset());
        List<MessageExt> rest = StoreTestSupport.readQueue(store, "D", 0, firstKept, 5000);
        assertEquals(2000 - firstKept, rest.size());
        assertTrue(new String(rest.get(0).getBody(), StandardCharsets.UTF_8).startsWith("payload-" + firstKept + "-"));
        assertEquals(0, store.queryMessage("D", "dk0", 32, 0, Long.MAX_VALUE).getMessageBufferList().size());
    }

    @Test
    void cleanRestartContinuesQueueOffsets() throws Exception {
        MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
        store = open(config);
        for (int i = 0; i < 700; i++) {
            put("R", i % 3, "before-" + i, null, "rk" + i);
        }
        awaitDispatched();
        store.shutdown();
        assertFalse(Files.exists(dir.resolve("abort")), "clean exit removes the abort file");
        store = open(config);
        assertEquals(PutMessageStatus.PUT_OK, put("R", 1, "after", null, null).getPutMessageStatus());
        awaitDispatched();
        assertEquals(234, store.getMaxOffsetInQueue("R", 1));
        List<MessageExt> q1 = StoreTestSupport.readQueue(store, "R", 1, 0, 1000);
        assertEquals(234, q1.size());
        assertEquals("before-1", new String(q1.get(0).getBody(), StandardCharsets.UTF_8));
        assertEquals("after", new String(q1.get(233).getBody(), StandardCharsets.UTF_8));
        assertEquals(1, store.queryMessage("R", "rk699", 32, 0, Long.MAX_VALUE).getMessageBufferList().size());
    }

    @Test
    void secondStoreOnTheSameDirectoryIsRefused() throws Exception {
        MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
        store = open(config);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new DefaultMessageStore(config, null));
        assertTrue(e.getMessage().contains(dir.toString()));
    }

    @Test
    void arrivingListenerHearsEveryDispatchedMessage() throws Exception {
        List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        MessageArrivingListener listener = (topic, queueId, logicOffset, tagsCode, msgStoreTime, filterBitMap, props) ->
            heard.add(topic + ":" + queueId + ":" + logicOffset + ":" + tagsCode);
        store = new DefaultMessageStore(StoreTestSupport.smallConfig(dir), listener);
        assertTrue(store.load());
        store.start();
        put("A", 2, "x", "tg", null);
        put("A", 2, "y", null, null);
        assertTrue(await(() -> heard.size() == 2, 5000));
        assertEquals(List.of("A:2:1:" + "tg".hashCode(), "A:2:2:0"), heard);
        Map<String, String> info = store.getRuntimeInfo();
        assertEquals("2", info.get("putMessageTimesTotal"));
        assertNotNull(info.get("putTps"));
        assertEquals(String.valueOf(store.getMaxPhyOffset()), info.get("commitLogMaxOffset"));
    }

    @Test
    void transientPoolSpinLockAndWarmUpKeepDataIntact() throws Exception {
        MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
        config.setTransientStorePoolEnable(true);
        config.setTransientStorePoolSize(3);
        config.setCommitIntervalCommitLog(10);
        config.setUseReentrantLockWhenPutMessage(false);
        config.setWarmMapedFileEnable(true);
        store = open(config);
        for (int i = 0; i < 4000; i++) {
            assertEquals(PutMessageStatus.PUT_OK,
                store.putMessage(message("TP", 0, StoreTestSupport.numberedBody(i), null, null)).getPutMessageStatus());
        }
        assertTrue(store.getCommitLog().getMappedFileQueue().getMappedFiles().size() > 3, "more files than buffers");
        assertTrue(await(() -> store.dispatchBehindBytes() == 0 && store.getMaxOffsetInQueue("TP", 0) == 4000, 10_000));
        store.shutdown();
        store = open(config);
        List<MessageExt> read = StoreTestSupport.readQueue(store, "TP", 0, 0, 5000);
        assertEquals(4000, read.size());
        for (int i = 0; i < read.size(); i++) {
            assertArrayEquals(StoreTestSupport.numberedBody(i), read.get(i).getBody());
        }
    }
}
