package org.cometmq.test.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.cometmq.common.protocol.body.RegisterBrokerBody;
import org.cometmq.common.protocol.header.PullMessageRequestHeader;
import org.cometmq.common.protocol.header.SendMessageRequestHeader;
import org.cometmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.netty.NettyDecoder;
import org.cometmq.remoting.protocol.FrameCodec;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * Fuzz targets for what a peer sends over the wire: length-prefixed frames through the Netty decoder, frames with
 * JSON and ROCKETMQ headers through {@link FrameCodec} and the custom-header decoding the processors do, and the
 * name server's registration body in both forms. Bad input may only raise the documented checked errors.
 * CI runs the seed corpus under {@code src/test/resources/org/cometmq/test/fuzz/ProtocolFuzzTestInputs}; see
 * the README's "Reliability suite" for fuzzing runs.
 */
class ProtocolFuzzTest {
    private static final int FRAME_MAX = 64 * 1024;

    /** Whatever bytes arrive, the channel decoder either yields commands or closes the channel; nothing escapes. */
    @FuzzTest(maxDuration = "30s")
    void nettyFrameDecoder(byte[] data) {
        EmbeddedChannel channel = new EmbeddedChannel(new NettyDecoder(FRAME_MAX));
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(data));
            Object decoded;
            while ((decoded = channel.readInbound()) != null) {
                decodeHeaders((RemotingCommand) decoded);
            }
            channel.checkException();
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** A frame body whose first byte picks JSON (even) or ROCKETMQ (odd) as the header type. */
    @FuzzTest(maxDuration = "30s")
    void headerDecoding(FuzzedDataProvider data) {
        boolean rocketmq = data.consumeBoolean();
        byte[] header = data.consumeBytes(data.consumeInt(0, 4096));
        byte[] body = data.consumeRemainingAsBytes();
        ByteBuf frame = Unpooled.buffer(4 + header.length + body.length);
        frame.writeInt((rocketmq ? 1 << 24 : 0) | header.length).writeBytes(header).writeBytes(body);
        try {
            decodeHeaders(FrameCodec.decode(frame));
        } catch (RemotingCommandException expected) {
            // a malformed frame is refused with a reason
        } finally {
            frame.release();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void registrationBody(FuzzedDataProvider data) {
        boolean compressed = data.consumeBoolean();
        try {
            RegisterBrokerBody.decode(data.consumeRemainingAsBytes(), compressed);
        } catch (java.io.IOException expected) {
            // not a registration body: the name server answers an error
        }
    }

    /** The custom headers the broker and name server read from any request. */
    private static void decodeHeaders(RemotingCommand command) {
        for (Class<? extends org.cometmq.remoting.CommandCustomHeader> type : java.util.List.of(
            SendMessageRequestHeader.class, PullMessageRequestHeader.class, RegisterBrokerRequestHeader.class)) {
            try {
                command.decodeCommandCustomHeader(type);
            } catch (RemotingCommandException expected) {
                // a missing or malformed field is refused with a reason
            }
        }
    }
}
