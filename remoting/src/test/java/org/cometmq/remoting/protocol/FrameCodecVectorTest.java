package org.cometmq.remoting.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reproduces the real 4.9.7 frames quoted in spec 1.1, 1.3 and 1.4 byte for byte, and decodes them back. */
class FrameCodecVectorTest {

    private static final String JSON_REQUEST =
        "{\"code\":105,\"extFields\":{\"topic\":\"TopicTest\"},\"flag\":0,\"language\":\"JAVA\",\"opaque\":0,"
            + "\"serializeTypeCurrentRPC\":\"JSON\",\"version\":407}";
    private static final String JSON_RESPONSE =
        "{\"code\":17,\"flag\":1,\"language\":\"JAVA\",\"opaque\":5,\"remark\":\"No topic\","
            + "\"serializeTypeCurrentRPC\":\"JSON\",\"version\":0}";
    private static final String BINARY_REQUEST_HEX = "0000002f0100002b" + "0069000197" + "00000000" + "00000000"
        + "00000002" + "6869" + "00000014" + "0005" + "746f706963" + "00000009" + "546f70696354657374";

    private static RemotingCommand routeRequest(SerializeType type) {
        TopicTestHeader header = new TopicTestHeader();
        header.setTopic("TopicTest");
        RemotingCommand cmd = RemotingCommand.createRequestCommand(105, header);
        cmd.setVersion(407);
        cmd.setOpaque(0);
        cmd.setSerializeTypeCurrentRPC(type);
        return cmd;
    }

    private static byte[] encode(RemotingCommand cmd) {
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encode(cmd, out);
        return ByteBufUtil.getBytes(out);
    }

    private static byte[] withoutLengthPrefix(byte[] frame) {
        byte[] rest = new byte[frame.length - 4];
        System.arraycopy(frame, 4, rest, 0, rest.length);
        return rest;
    }

    private static byte[] jsonFrame(String json, byte[] body) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        int bodyLength = body == null ? 0 : body.length;
        ByteBuf buf = Unpooled.buffer();
        buf.writeInt(4 + header.length + bodyLength).writeInt(header.length).writeBytes(header);
        if (body != null) {
            buf.writeBytes(body);
        }
        return ByteBufUtil.getBytes(buf);
    }

    @Test
    void jsonRequestMatchesSpecBytes() {
        byte[] frame = encode(routeRequest(SerializeType.JSON));
        assertEquals(JSON_REQUEST.length(), 131);
        assertEquals("0000008700000083", ByteBufUtil.hexDump(frame, 0, 8));
        assertArrayEquals(jsonFrame(JSON_REQUEST, null), frame);
    }

    @Test
    void jsonRequestDecodesEveryField() throws Exception {
        RemotingCommand cmd = RemotingCommand.decode(withoutLengthPrefix(jsonFrame(JSON_REQUEST, null)));
        assertEquals(105, cmd.getCode());
        assertEquals(LanguageCode.JAVA, cmd.getLanguage());
        assertEquals(407, cmd.getVersion());
        assertEquals(0, cmd.getOpaque());
        assertEquals(0, cmd.getFlag());
        assertNull(cmd.getRemark());
        assertEquals(Map.of("topic", "TopicTest"), cmd.getExtFields());
        assertEquals(SerializeType.JSON, cmd.getSerializeTypeCurrentRPC());
        assertNull(cmd.getBody());
        assertEquals("TopicTest", cmd.decodeCommandCustomHeader(TopicTestHeader.class).getTopic());
    }

    @Test
    void jsonResponseWithRemarkMatchesSpecBytes() throws Exception {
        RemotingCommand response = RemotingCommand.createResponseCommand(17, "No topic");
        response.setOpaque(5);
        response.setVersion(0);
        response.setSerializeTypeCurrentRPC(SerializeType.JSON);
        byte[] frame = encode(response);
        assertArrayEquals(jsonFrame(JSON_RESPONSE, null), frame);

        RemotingCommand decoded = RemotingCommand.decode(withoutLengthPrefix(frame));
        assertEquals(17, decoded.getCode());
        assertEquals(1, decoded.getFlag());
        assertTrue(decoded.isResponseType());
        assertEquals(5, decoded.getOpaque());
        assertEquals("No topic", decoded.getRemark());
        assertNull(decoded.getExtFields());
        assertEquals(0, decoded.getVersion());
    }

    @Test
    void binaryRequestMatchesSpecBytes() {
        RemotingCommand cmd = routeRequest(SerializeType.ROCKETMQ);
        cmd.setRemark("hi");
        byte[] frame = encode(cmd);
        assertEquals(BINARY_REQUEST_HEX, ByteBufUtil.hexDump(frame));
        assertEquals(47 + 4, frame.length);
    }

    @Test
    void binaryRequestDecodesEveryField() throws Exception {
        byte[] frame = ByteBufUtil.decodeHexDump(BINARY_REQUEST_HEX);
        RemotingCommand cmd = RemotingCommand.decode(withoutLengthPrefix(frame));
        assertEquals(105, cmd.getCode());
        assertEquals(LanguageCode.JAVA, cmd.getLanguage());
        assertEquals(407, cmd.getVersion());
        assertEquals(0, cmd.getOpaque());
        assertEquals(0, cmd.getFlag());
        assertEquals("hi", cmd.getRemark());
        assertEquals(Map.of("topic", "TopicTest"), cmd.getExtFields());
        assertEquals(SerializeType.ROCKETMQ, cmd.getSerializeTypeCurrentRPC());
        assertNull(cmd.getBody());
    }

    @Test
    void jsonCommandWithBodyPutsBodyAfterHeader() throws Exception {
        RemotingCommand cmd = routeRequest(SerializeType.JSON);
        byte[] body = "hello body".getBytes(StandardCharsets.UTF_8);
        cmd.setBody(body);
        byte[] frame = encode(cmd);
        assertArrayEquals(jsonFrame(JSON_REQUEST, body), frame);
        assertEquals("000000910000008368656c6c6f20626f6479".substring(0, 16), ByteBufUtil.hexDump(frame, 0, 8));

        RemotingCommand decoded = RemotingCommand.decode(withoutLengthPrefix(frame));
        assertArrayEquals(body, decoded.getBody());
        assertEquals(Map.of("topic", "TopicTest"), decoded.getExtFields());
    }

    @Test
    void encodeHeaderLeavesRoomForSeparateBody() {
        RemotingCommand cmd = routeRequest(SerializeType.JSON);
        java.nio.ByteBuffer header = cmd.encodeHeader(10);
        byte[] bytes = new byte[header.remaining()];
        header.get(bytes);
        byte[] full = jsonFrame(JSON_REQUEST, new byte[10]);
        assertEquals(8 + 131, bytes.length);
        assertArrayEquals(java.util.Arrays.copyOf(full, 8 + 131), bytes);
        assertEquals(131, RemotingCommand.getHeaderLength(0x01000083));
        assertEquals(SerializeType.ROCKETMQ, RemotingCommand.getProtocolType(0x01000083));
        assertNull(RemotingCommand.getProtocolType(0x07000083));
    }

    @Test
    void binaryCommandWithBodyAndResponseFlagRoundTrips() throws Exception {
        RemotingCommand cmd = RemotingCommand.createResponseCommand(17, "No topic");
        cmd.setOpaque(5);
        cmd.setLanguage(LanguageCode.GO);
        cmd.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        cmd.setBody(new byte[] {1, 2, 3});
        byte[] frame = encode(cmd);
        // length 4 + header 29 (13 fixed + 4 + 8 remark + 4 empty map) + body 3 = 36
        assertEquals("00000024" + "0100001d" + "0011" + "09" + "0000" + "00000005" + "00000001" + "00000008"
            + "4e6f20746f706963" + "00000000" + "010203", ByteBufUtil.hexDump(frame));
        RemotingCommand decoded = RemotingCommand.decode(withoutLengthPrefix(frame));
        assertEquals(LanguageCode.GO, decoded.getLanguage());
        assertEquals("No topic", decoded.getRemark());
        assertTrue(decoded.isResponseType());
        assertArrayEquals(new byte[] {1, 2, 3}, decoded.getBody());
    }

    @Test
    void jsonDecoderIgnoresUnknownKeysAndNonStringExtValues() throws Exception {
        String json = "{\"zzz\":[1,{\"a\":null}],\"code\":3,\"flag\":2,\"language\":\"CPP\",\"opaque\":9,"
            + "\"version\":1,\"extFields\":{\"n\":5,\"s\":\"x\"},\"serializeTypeCurrentRPC\":\"ROCKETMQ\"}";
        RemotingCommand cmd = RemotingCommand.decode(withoutLengthPrefix(jsonFrame(json, null)));
        assertEquals(3, cmd.getCode());
        assertTrue(cmd.isOnewayRPC());
        assertEquals(LanguageCode.CPP, cmd.getLanguage());
        assertEquals(9, cmd.getOpaque());
        assertEquals(Map.of("n", "5", "s", "x"), cmd.getExtFields());
        assertEquals(SerializeType.JSON, cmd.getSerializeTypeCurrentRPC());
    }
}
