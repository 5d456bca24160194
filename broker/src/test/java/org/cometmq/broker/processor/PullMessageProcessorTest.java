package org.cometmq.broker.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.longpolling.PullRequestHoldService;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.broker.stats.BrokerStatsManager;
import org.cometmq.broker.subscription.SubscriptionGroupManager;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.PullMessageRequestHeader;
import org.cometmq.common.protocol.header.PullMessageResponseHeader;
import org.cometmq.common.sysflag.PullSysFlag;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.GetMessageResult;
import org.cometmq.store.GetMessageStatus;
import org.cometmq.store.MessageStore;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pull rules of spec 9.7 against a fake store: codes, next offsets, holding, commits, zero-copy frames. */
class PullMessageProcessorTest {
    private static final int SUB = PullSysFlag.buildSysFlag(false, false, true, false);
    private static final int SUB_SUSPEND = PullSysFlag.buildSysFlag(false, true, true, false);
    private static final int SUB_COMMIT = PullSysFlag.buildSysFlag(true, false, true, false);

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(1_000_000);
    private final MessageStore store = mock(MessageStore.class);
    private final AtomicInteger released = new AtomicInteger();
    private final List<RemotingCommand> woken = new ArrayList<>();
    private BrokerConfig brokerConfig;
    private ConsumerOffsetManager offsets;
    private PullRequestHoldService holdService;
    private PullMessageProcessor processor;
    private EmbeddedChannel channel;

    @BeforeEach
    void setUp() {
        brokerConfig = new BrokerConfig();
        brokerConfig.setTransferMsgByHeap(true);
        TopicConfigManager topics = new TopicConfigManager(brokerConfig, dir.resolve("topics.json").toString());
        topics.updateTopicConfig(new TopicConfig("T", 4, 4, 6));
        offsets = new ConsumerOffsetManager(dir.resolve("offsets.json").toString());
        processor = new PullMessageProcessor(brokerConfig, BrokerRole.ASYNC_MASTER,
            new SubscriptionGroupManager(brokerConfig, dir.resolve("groups.json").toString()), topics, offsets,
            new ConsumerManager((e, g, i) -> { }, clock, 120_000), store, new BrokerStatsManager(clock), clock,
            () -> new java.net.InetSocketAddress("127.0.0.1", 10911));
        holdService = new PullRequestHoldService((ch, req) -> woken.add(req), store::getMaxOffsetInQueue, clock, 5_000);
        processor.setLongPolling(holdService, Runnable::run);
        channel = new EmbeddedChannel();
    }

    private GetMessageResult result(GetMessageStatus status, long next, long min, long max, String... messages) {
        GetMessageResult result = new GetMessageResult();
        result.setStatus(status);
        result.setNextBeginOffset(next);
        result.setMinOffset(min);
        result.setMaxOffset(max);
        for (String message : messages) {
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            result.addMessage(new SelectMappedBufferResult(0, ByteBuffer.wrap(bytes), bytes.length, null) {
                @Override
                public synchronized void release() {
                    released.incrementAndGet();
                }
            });
        }
        return result;
    }

    private void storeAnswers(GetMessageResult result) {
        when(store.getMessage(anyString(), eq("T"), anyInt(), anyLong(), anyInt(), any())).thenReturn(result);
    }

    private static RemotingCommand request(int queueId, long offset, int sysFlag, long commitOffset) {
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup("cg");
        header.setTopic("T");
        header.setQueueId(queueId);
        header.setQueueOffset(offset);
        header.setMaxMsgNums(32);
        header.setSysFlag(sysFlag);
        header.setCommitOffset(commitOffset);
        header.setSuspendTimeoutMillis(15_000L);
        header.setSubscription("*");
        header.setSubVersion(0L);
        header.setExpressionType("TAG");
        return RemotingCommand.createRequestCommand(RequestCode.PULL_MESSAGE, header);
    }

    private RemotingCommand pull(int queueId, long offset, int sysFlag) throws Exception {
        return processor.process(channel, request(queueId, offset, sysFlag, 0), true);
    }

    private static PullMessageResponseHeader header(RemotingCommand response) throws Exception {
        return response.decodeCommandCustomHeader(PullMessageResponseHeader.class);
    }

    @Test
    void foundCopiesMessagesToHeapAndReleasesStoreBuffers() throws Exception {
        storeAnswers(result(GetMessageStatus.FOUND, 2, 0, 2, "abc", "de"));
        RemotingCommand response = pull(0, 0, SUB);
        assertEquals(ResponseCode.SUCCESS, response.getCode());
        assertEquals("abcde", new String(response.getBody(), StandardCharsets.UTF_8));
        assertEquals(2, header(response).getNextBeginOffset());
        assertEquals(0, header(response).getMinOffset());
        assertEquals(2, header(response).getMaxOffset());
        assertEquals(0, header(response).getSuggestWhichBrokerId());
        assertEquals("FOUND", response.getRemark());
        assertEquals(2, released.get());
    }

    @Test
    void foundWritesOneFrameStraightFromStoreBuffers() throws Exception {
        brokerConfig.setTransferMsgByHeap(false);
        storeAnswers(result(GetMessageStatus.FOUND, 2, 0, 2, "abc", "de"));
        RemotingCommand request = request(0, 0, SUB, 0);
        assertNull(processor.process(channel, request, true), "the response is written by the processor itself");
        ByteBuf frame = channel.readOutbound();
        int length = frame.readInt();
        assertEquals(frame.readableBytes(), length);
        byte[] rest = new byte[length];
        frame.readBytes(rest);
        frame.release();
        RemotingCommand written = RemotingCommand.decode(rest);
        assertEquals(ResponseCode.SUCCESS, written.getCode());
        assertTrue(written.isResponseType());
        assertEquals(request.getOpaque(), written.getOpaque());
        assertEquals("abcde", new String(written.getBody(), StandardCharsets.UTF_8));
        assertEquals("2", written.getExtFields().get("nextBeginOffset"));
        assertEquals(2, released.get(), "store buffers are released once the write completed");
    }

    @Test
    void emptyOrMissingQueueIsNotFoundAtZeroAndMovedElsewhere() throws Exception {
        storeAnswers(result(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, 0, 0));
        RemotingCommand atZero = pull(1, 0, SUB);
        assertEquals(ResponseCode.PULL_NOT_FOUND, atZero.getCode());
        assertEquals(0, header(atZero).getNextBeginOffset());
        RemotingCommand elsewhere = pull(1, 5, SUB);
        assertEquals(ResponseCode.PULL_OFFSET_MOVED, elsewhere.getCode());
        storeAnswers(result(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, 0, 0, 0));
        assertEquals(ResponseCode.PULL_OFFSET_MOVED, pull(1, 3, SUB).getCode());
        assertEquals(ResponseCode.PULL_NOT_FOUND, pull(1, 0, SUB).getCode());
    }

    @Test
    void offsetStatusesMapToTheirCodesAndNextOffsets() throws Exception {
        storeAnswers(result(GetMessageStatus.OFFSET_TOO_SMALL, 10, 10, 20));
        RemotingCommand small = pull(0, 3, SUB);
        assertEquals(ResponseCode.PULL_OFFSET_MOVED, small.getCode());
        assertEquals(10, header(small).getNextBeginOffset());
        storeAnswers(result(GetMessageStatus.OFFSET_OVERFLOW_BADLY, 20, 10, 20));
        RemotingCommand badly = pull(0, 99, SUB);
        assertEquals(ResponseCode.PULL_OFFSET_MOVED, badly.getCode());
        assertEquals(20, header(badly).getNextBeginOffset());
        storeAnswers(result(GetMessageStatus.OFFSET_OVERFLOW_ONE, 20, 10, 20));
        RemotingCommand one = pull(0, 20, SUB);
        assertEquals(ResponseCode.PULL_NOT_FOUND, one.getCode());
        assertEquals(20, header(one).getNextBeginOffset());
        storeAnswers(result(GetMessageStatus.NO_MATCHED_MESSAGE, 14, 10, 20));
        RemotingCommand filtered = pull(0, 12, SUB);
        assertEquals(ResponseCode.PULL_RETRY_IMMEDIATELY, filtered.getCode());
        assertEquals(14, header(filtered).getNextBeginOffset());
        storeAnswers(result(GetMessageStatus.OFFSET_FOUND_NULL, 300_000, 0, 400_000));
        assertEquals(ResponseCode.PULL_NOT_FOUND, pull(0, 299_990, SUB).getCode());
    }

    @Test
    void emptyPullWithSuspendFlagIsHeldUntilAMessageArrives() throws Exception {
        storeAnswers(result(GetMessageStatus.OFFSET_OVERFLOW_ONE, 5, 0, 5));
        assertNull(pull(2, 5, SUB_SUSPEND), "held: no response yet");
        assertEquals(1, holdService.heldCount());
        holdService.notifyMessageArriving("T", 2, 5, 0L, 0, null, null);
        assertEquals(1, holdService.heldCount(), "max offset 5 is nothing new for offset 5");
        holdService.notifyMessageArriving("T", 2, 6, 0L, 0, null, null);
        assertEquals(0, holdService.heldCount());
        assertEquals(1, woken.size());
    }

    @Test
    void heldPullIsAnsweredWhenItsHoldTimePasses() throws Exception {
        storeAnswers(result(GetMessageStatus.OFFSET_OVERFLOW_ONE, 5, 0, 5));
        when(store.getMaxOffsetInQueue("T", 2)).thenReturn(5L);
        assertNull(pull(2, 5, SUB_SUSPEND));
        clock.advance(14_999);
        holdService.checkHoldRequest();
        assertEquals(1, holdService.heldCount());
        clock.advance(1);
        holdService.checkHoldRequest();
        assertEquals(0, holdService.heldCount());
        assertEquals(1, woken.size());
        RemotingCommand rerun = processor.process(channel, woken.get(0), false);
        assertEquals(ResponseCode.PULL_NOT_FOUND, rerun.getCode(), "a woken pull is never held twice");
    }

    @Test
    void commitFlagStoresTheConsumersOffset() throws Exception {
        storeAnswers(result(GetMessageStatus.OFFSET_OVERFLOW_ONE, 7, 0, 7));
        processor.process(channel, request(3, 7, SUB, 6), true);
        assertEquals(-1, offsets.queryOffset("cg", "T", 3), "no commit without the flag");
        processor.process(channel, request(3, 7, SUB_COMMIT, 6), true);
        assertEquals(6, offsets.queryOffset("cg", "T", 3));
    }

    @Test
    void checksBeforeTheStore() throws Exception {
        RemotingCommand badQueue = pull(4, 0, SUB);
        assertEquals(ResponseCode.SYSTEM_ERROR, badQueue.getCode());
        assertTrue(badQueue.getRemark().startsWith("queueId[4] is illegal"), badQueue.getRemark());
        RemotingCommand noSubscription = pull(0, 0, 0);
        assertEquals(ResponseCode.SUBSCRIPTION_NOT_EXIST, noSubscription.getCode());
        brokerConfig.setBrokerPermission(2);
        assertEquals(ResponseCode.NO_PERMISSION, pull(0, 0, SUB).getCode());
    }
}
