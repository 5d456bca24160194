package org.cometmq.broker.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometmq.broker.util.BrokerExecutors;
import org.cometmq.common.BrokerConfig;
import org.cometmq.remoting.netty.RequestTask;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSysResponseCode;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrokerFastFailureTest {
    private final BrokerConfig config = new BrokerConfig();
    private final ManualClock now = new ManualClock(0);
    private final AtomicBoolean pageCacheBusy = new AtomicBoolean();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger processed = new AtomicInteger();
    private BrokerExecutors executors;
    private EmbeddedChannel channel;
    private ChannelHandlerContext ctx;
    private BrokerFastFailure fastFailure;

    @BeforeEach
    void blockTheSendThread() throws Exception {
        config.setSendMessageThreadPoolNums(1);
        executors = new BrokerExecutors(config, Clock.systemUTC());
        CountDownLatch running = new CountDownLatch(1);
        executors.send().execute(() -> {
            running.countDown();
            awaitRelease();
        });
        running.await();
        channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        ctx = channel.pipeline().firstContext();
        fastFailure = new BrokerFastFailure(config, executors, pageCacheBusy::get, now);
    }

    @AfterEach
    void stop() {
        release.countDown();
        executors.shutdown();
        channel.finishAndReleaseAll();
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RequestTask queueRequest(int opaque) {
        RemotingCommand request = RemotingCommand.createRequestCommand(10, null);
        request.setOpaque(opaque);
        RequestTask task = new RequestTask(processed::incrementAndGet, ctx, request);
        executors.send().execute(task);
        return task;
    }

    @Test
    void requestsWaitingLongerThanTheSettingAreAnsweredSystemBusy() {
        RequestTask first = queueRequest(1);
        queueRequest(2);
        now.set(first.getCreateTimestamp() + 150);
        fastFailure.cleanExpiredRequest();
        assertNull(channel.readOutbound(), "150 ms is within the default 200 ms");

        config.setWaitTimeMillsInSendQueue(100);
        fastFailure.cleanExpiredRequest();
        RemotingCommand answer = channel.readOutbound();
        assertEquals(RemotingSysResponseCode.SYSTEM_BUSY, answer.getCode());
        assertEquals(1, answer.getOpaque());
        assertTrue(answer.isResponseType());
        assertTrue(answer.getRemark().startsWith("[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while,"
            + " period in queue: 15"), answer.getRemark());
        assertTrue(answer.getRemark().endsWith("ms, size of queue: 1"), answer.getRemark());
        assertEquals(2, ((RemotingCommand) channel.readOutbound()).getOpaque());
        assertEquals(0, executors.send().getQueue().size());
        assertTrue(first.isStopRun());
        release.countDown();
        executors.shutdown();
        assertEquals(0, processed.get(), "an answered request is never processed");
    }

    @Test
    void aBusyPageCacheDrainsTheSendQueue() {
        RequestTask task = queueRequest(7);
        now.set(task.getCreateTimestamp() + 5);
        pageCacheBusy.set(true);
        fastFailure.cleanExpiredRequest();
        RemotingCommand answer = channel.readOutbound();
        assertEquals(7, answer.getOpaque());
        assertTrue(answer.getRemark().startsWith("[PCBUSY_CLEAN_QUEUE]broker busy"), answer.getRemark());
        assertTrue(task.isStopRun());
    }

    @Test
    void otherQueuedWorkStopsTheCleaning() {
        executors.send().execute(processed::incrementAndGet);
        queueRequest(3);
        now.set(System.currentTimeMillis() + 60_000);
        fastFailure.cleanExpiredRequest();
        assertNull(channel.readOutbound(), "the head is not a received request");
        assertEquals(2, executors.send().getQueue().size());
    }
}
