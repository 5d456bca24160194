package org.cometmq.common.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cometmq.common.MQVersion;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageClientIDSetter;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.header.SendMessageRequestHeaderV2;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.protocol.FrameCodec;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.SerializeType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encode and decode of a SEND_MESSAGE_V2 request as the transport does it: a realistic V2 header and a 1 KiB body,
 * framed by {@link FrameCodec} into a reused buffer, then decoded back including the typed custom header.
 *
 * <p>Run: {@code COMET_TARGET=target-common bash bench/jmh.sh common SendMessageCodecBenchmark -f 1 -wi 3 -w 2 -i 5 -r 2}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SendMessageCodecBenchmark {

    @Param({"JSON", "ROCKETMQ"})
    public String serializeType;

    private SendMessageRequestHeaderV2 header;
    private byte[] body;
    private SerializeType type;
    private ByteBuf out;
    private byte[] encodedFrame;

    @Setup
    public void setUp() {
        type = SerializeType.valueOf(serializeType);
        body = new byte[1024];
        new Random(7).nextBytes(body);

        Message msg = new Message("BenchmarkTopic", "TagA", "OrderID188", body);
        MessageClientIDSetter.setUniqID(msg);
        header = new SendMessageRequestHeaderV2();
        header.setA("please_rename_unique_group_name");
        header.setB(msg.getTopic());
        header.setC("TBW102");
        header.setD(4);
        header.setE(3);
        header.setF(0);
        header.setG(System.currentTimeMillis());
        header.setH(0);
        header.setI(MessageDecoder.messageProperties2String(msg.getProperties()));
        header.setJ(0);
        header.setL(16);
        header.setN("broker-a");

        out = Unpooled.buffer(4096);
        ByteBuf frame = encodeFrame();
        encodedFrame = new byte[frame.readableBytes() - FrameCodec.LENGTH_FIELD_SIZE];
        frame.getBytes(FrameCodec.LENGTH_FIELD_SIZE, encodedFrame);
    }

    private ByteBuf encodeFrame() {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, header);
        request.setVersion(MQVersion.CURRENT_VERSION);
        request.setSerializeTypeCurrentRPC(type);
        request.setBody(body);
        out.clear();
        FrameCodec.encode(request, out);
        return out;
    }

    private static SendMessageRequestHeaderV2 decodeFrame(ByteBuf frame) throws RemotingCommandException {
        RemotingCommand decoded = FrameCodec.decode(frame);
        return decoded.decodeCommandCustomHeader(SendMessageRequestHeaderV2.class);
    }

    /** Header to extFields, header serialization and frame write. */
    @Benchmark
    public int encode() {
        return encodeFrame().writerIndex();
    }

    /** Frame parse (as after the length-field decoder) and typed header decode. */
    @Benchmark
    public SendMessageRequestHeaderV2 decode() throws RemotingCommandException {
        return decodeFrame(Unpooled.wrappedBuffer(encodedFrame));
    }

    /** Encode then decode of the same request. */
    @Benchmark
    public SendMessageRequestHeaderV2 roundTrip() throws RemotingCommandException {
        ByteBuf frame = encodeFrame();
        frame.skipBytes(FrameCodec.LENGTH_FIELD_SIZE);
        return decodeFrame(frame);
    }
}
