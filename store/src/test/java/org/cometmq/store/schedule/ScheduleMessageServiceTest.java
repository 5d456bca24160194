package org.cometmq.store.schedule;

import static org.cometmq.store.StoreTestSupport.await;
import static org.cometmq.store.StoreTestSupport.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.store.DefaultMessageStore;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.StoreTestSupport;
import org.cometmq.store.cleanup.FileStoreDiskSpaceProvider;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleMessageServiceTest {

    private static final String SCHEDULE = "SCHEDULE_TOPIC_XXXX";

    @TempDir
    Path dir;

    @Test
    void delayTableParsesUnitsAndClamps() {
        DelayLevelTable table = new DelayLevelTable("1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h");
        assertEquals(18, table.getMaxDelayLevel());
        assertEquals(1000, table.delayMillis(1));
        assertEquals(60_000, table.delayMillis(5));
        assertEquals(7_200_000, table.delayMillis(18));
        assertEquals(7_200_000, table.delayMillis(30));
        assertEquals(86_400_000, new DelayLevelTable("1d").delayMillis(1));
    }

    @Test
    void delayedMessageIsInvisibleUntilDueThenDeliveredToItsRealQueue() throws Exception {
        MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
        config.setMessageDelayLevel("1s 2s");
        // Due times are read on the store's clock: nothing is delivered until the test moves it.
        ManualClock clock = new ManualClock(System.currentTimeMillis());
        DefaultMessageStore store = new DefaultMessageStore(config, null, new FileStoreDiskSpaceProvider(), clock);
        assertTrue(store.load());
        store.start();
        try {
            MessageExtBrokerInner msg = message("Real", 3, StoreTestSupport.body("later"), "tg", "dk");
            StoreTestSupport.putProperty(msg, MessageConst.PROPERTY_DELAY_TIME_LEVEL, "1");
            PutMessageResult parked = store.putMessage(msg);
            assertEquals(PutMessageStatus.PUT_OK, parked.getPutMessageStatus());
            MessageExtBrokerInner clamped = message("Real", 3, StoreTestSupport.body("clamped"), null, null);
            StoreTestSupport.putProperty(clamped, MessageConst.PROPERTY_DELAY_TIME_LEVEL, "9");
            assertEquals(PutMessageStatus.PUT_OK, store.putMessage(clamped).getPutMessageStatus());
            assertTrue(await(() -> store.getMaxOffsetInQueue(SCHEDULE, 1) == 1, 5000), "level 9 clamps to 2");
            assertTrue(await(() -> store.getMaxOffsetInQueue(SCHEDULE, 0) == 1, 5000));
            MessageExt inSchedule = store.lookMessageByOffset(parked.getAppendMessageResult().getWroteOffset());
            assertEquals(SCHEDULE, inSchedule.getTopic());
            assertEquals("Real", inSchedule.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
            assertEquals("3", inSchedule.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID));
            long parkedAt = inSchedule.getStoreTimestamp();
            assertEquals(clock.millis(), parkedAt);
            assertEquals(0, store.getMaxOffsetInQueue("Real", 3), "not visible before its time");
            clock.advance(1000);
            assertTrue(await(() -> store.getMaxOffsetInQueue("Real", 3) >= 1, 5000), "delivered when due");
            List<MessageExt> delivered = StoreTestSupport.readQueue(store, "Real", 3, 0, 10);
            MessageExt first = delivered.get(0);
            assertArrayEquals(StoreTestSupport.body("later"), first.getBody());
            assertEquals(parkedAt + 1000, first.getStoreTimestamp(), "delivered at 1 s");
            assertEquals("1", first.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL), "kept, as 4.9 stores it");
            assertEquals("Real", first.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
            assertEquals("3", first.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID));
            assertEquals("tg", first.getTags());
            assertEquals(1, store.queryMessage("Real", "dk", 32, 0, Long.MAX_VALUE).getMessageBufferList().size());
            assertEquals(1, store.getMaxOffsetInQueue("Real", 3), "level 2 waits for 2 s");
            clock.advance(1000);
            assertTrue(await(() -> store.getMaxOffsetInQueue("Real", 3) == 2, 5000), "level 2 after 2 s");
        } finally {
            store.shutdown();
        }
        String json = Files.readString(dir.resolve("config").resolve("delayOffset.json"));
        DelayOffsetSerializeWrapper saved = DelayOffsetSerializeWrapper.fromJson(json, DelayOffsetSerializeWrapper.class);
        assertEquals(1L, saved.getOffsetTable().get(1));
        assertEquals(1L, saved.getOffsetTable().get(2));

        DefaultMessageStore reopened = new DefaultMessageStore(config, null);
        assertTrue(reopened.load());
        ScheduleMessageService service = reopened.getScheduleMessageService();
        assertEquals(1L, service.getOffsetTable().get(1));
        service.getOffsetTable().put(2, 0L);
        service.persist();
        assertTrue(Files.exists(dir.resolve("config").resolve("delayOffset.json.bak")), "previous copy kept");
        Files.writeString(dir.resolve("config").resolve("delayOffset.json"), "{ torn");
        reopened.shutdown();
        DefaultMessageStore third = new DefaultMessageStore(config, null);
        assertTrue(third.load());
        assertEquals(1L, third.getScheduleMessageService().getOffsetTable().get(2), "falls back to the .bak copy");
        third.shutdown();
    }
}
