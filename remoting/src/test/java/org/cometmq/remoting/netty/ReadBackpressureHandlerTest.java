package org.cometmq.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** A connection whose unsent answers pass the high water mark is not read until they drain. */
class ReadBackpressureHandlerTest {

    @Test
    void readingStopsAboveTheHighWaterMarkAndResumesWhenDrained() {
        EmbeddedChannel channel = new EmbeddedChannel(ReadBackpressureHandler.INSTANCE);
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(4096, 8192));
        assertTrue(channel.config().isAutoRead());

        channel.write(Unpooled.wrappedBuffer(new byte[5000]));
        channel.runPendingTasks();
        assertTrue(channel.config().isAutoRead(), "below the high water mark: still read");

        channel.write(Unpooled.wrappedBuffer(new byte[5000]));
        channel.runPendingTasks();
        assertFalse(channel.isWritable());
        assertFalse(channel.config().isAutoRead(), "10,000 unsent bytes over an 8 KiB mark: reading stops");

        channel.flush();
        channel.runPendingTasks();
        assertTrue(channel.isWritable());
        assertTrue(channel.config().isAutoRead(), "drained: reading resumes");
        channel.finishAndReleaseAll();
    }
}
