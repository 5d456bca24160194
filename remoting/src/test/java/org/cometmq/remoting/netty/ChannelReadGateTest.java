package org.cometmq.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A connection's requests wait, and the connection is not read, while too many are in process or answers pile up. */
class ChannelReadGateTest {

    @Test
    void requestsBeyondTheBoundWaitInOrderAndTheConnectionIsNotRead() {
        EmbeddedChannel channel = new EmbeddedChannel();
        ChannelReadGate gate = ChannelReadGate.of(channel);
        List<Integer> handedOver = new ArrayList<>();
        int total = ChannelReadGate.MAX_IN_PROCESS + 3;
        for (int i = 0; i < total; i++) {
            int request = i;
            gate.admit(() -> handedOver.add(request));
        }
        assertEquals(ChannelReadGate.MAX_IN_PROCESS, handedOver.size());
        assertEquals(3, gate.waiting());
        assertFalse(channel.config().isAutoRead());

        gate.done();
        assertEquals(ChannelReadGate.MAX_IN_PROCESS + 1, handedOver.size());
        assertEquals(ChannelReadGate.MAX_IN_PROCESS, handedOver.get(ChannelReadGate.MAX_IN_PROCESS), "arrival order");
        assertFalse(channel.config().isAutoRead(), "two still wait");

        gate.done();
        gate.done();
        assertEquals(total, handedOver.size());
        assertEquals(0, gate.waiting());
        assertFalse(channel.config().isAutoRead(), "at the bound again");
        gate.done();
        assertTrue(channel.config().isAutoRead(), "below the bound with nothing waiting: read again");
        assertEquals(ChannelReadGate.MAX_IN_PROCESS - 1, gate.inProcess());
        channel.finishAndReleaseAll();
    }

    @Test
    void answersAboveTheHighWaterMarkHoldNewRequestsUntilDrained() {
        EmbeddedChannel channel = new EmbeddedChannel(ReadBackpressureHandler.INSTANCE);
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(4096, 8192));
        ChannelReadGate gate = ChannelReadGate.of(channel);
        List<String> handedOver = new ArrayList<>();

        channel.write(Unpooled.wrappedBuffer(new byte[10_000]));
        channel.runPendingTasks();
        assertFalse(channel.isWritable());
        assertFalse(channel.config().isAutoRead(), "unsent answers over the mark: not read");
        gate.admit(() -> handedOver.add("late"));
        assertEquals(List.of(), handedOver, "waits while the answers cannot be written");

        channel.flush();
        channel.runPendingTasks();
        assertEquals(List.of("late"), handedOver);
        assertTrue(channel.config().isAutoRead());
        assertEquals(1, gate.inProcess());
        channel.finishAndReleaseAll();
    }

    @Test
    void aTaskAnsweredWithoutProcessingReleasesItsPlaceOnce() {
        EmbeddedChannel channel = new EmbeddedChannel();
        ChannelReadGate gate = ChannelReadGate.of(channel);
        gate.admit(() -> { });
        RequestTask task = new RequestTask(() -> { }, null, null, gate::done);
        task.setStopRun(true);
        task.run();
        task.run();
        assertEquals(0, gate.inProcess());
        channel.finishAndReleaseAll();
    }
}
