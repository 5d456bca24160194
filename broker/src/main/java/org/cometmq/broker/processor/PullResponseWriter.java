package org.cometmq.broker.processor;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.List;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.netty.Replies;
import org.cometmq.remoting.protocol.FrameCodec;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.GetMessageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a FOUND pull response. Zero-copy: the frame header is encoded alone and the body is the store's mapped
 * buffers wrapped in one composite buffer, released back to the store once the write completes. Heap: the
 * messages are copied into the response body first.
 */
final class PullResponseWriter {
    private static final Logger log = LoggerFactory.getLogger(PullResponseWriter.class);

    private PullResponseWriter() {
    }

    /** Copies the messages into one array and releases the store buffers. */
    static byte[] copyToHeap(GetMessageResult result) {
        try {
            byte[] body = new byte[result.getBufferTotalSize()];
            int position = 0;
            for (ByteBuffer buffer : result.getMessageBufferList()) {
                int length = buffer.remaining();
                buffer.duplicate().get(body, position, length);
                position += length;
            }
            return body;
        } finally {
            result.release();
        }
    }

    /** Writes header and mapped message buffers as one frame; the store buffers are released when done. */
    static void writeZeroCopy(Channel channel, RemotingCommand request, RemotingCommand response,
                              GetMessageResult result) {
        Replies.bindToRequest(request, response);
        response.setBody(null);
        List<ByteBuffer> buffers = result.getMessageBufferList();
        CompositeByteBuf frame = Unpooled.compositeBuffer(buffers.size() + 1);
        try {
            ByteBuf header = channel.alloc().buffer(256);
            FrameCodec.encode(response, header);
            int bodyLength = 0;
            for (ByteBuffer buffer : buffers) {
                bodyLength += buffer.remaining();
            }
            header.setInt(0, header.getInt(0) + bodyLength);
            frame.addComponent(true, header);
            for (ByteBuffer buffer : buffers) {
                frame.addComponent(true, Unpooled.wrappedBuffer(buffer.slice()));
            }
        } catch (RuntimeException e) {
            frame.release();
            result.release();
            throw e;
        }
        channel.writeAndFlush(frame).addListener(future -> {
            result.release();
            if (!future.isSuccess()) {
                log.warn("transferring {} pulled messages to {} failed: {}", result.getMessageCount(),
                    RemotingHelper.parseChannelRemoteAddr(channel), String.valueOf(future.cause()));
            }
        });
    }
}
