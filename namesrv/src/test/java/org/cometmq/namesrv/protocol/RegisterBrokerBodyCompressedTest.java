package org.cometmq.namesrv.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.cometmq.common.DataVersion;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.protocol.body.RegisterBrokerBody;
import org.junit.jupiter.api.Test;

/** The compressed REGISTER_BROKER body of spec 5.10.2, built independently here with java.util.zip streams. */
class RegisterBrokerBodyCompressedTest {
    private static final String VERSION_JSON = "{\"counter\":7,\"timestamp\":1700000000000}";

    /** The decompressed layout: int32-length-prefixed DataVersion JSON, topic count, topic texts, filter JSON. */
    private static byte[] layout(String versionJson, List<String> topicTexts, String filterJson) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        byte[] v = versionJson.getBytes(StandardCharsets.UTF_8);
        out.writeInt(v.length);
        out.write(v);
        out.writeInt(topicTexts.size());
        for (String text : topicTexts) {
            byte[] t = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(t.length);
            out.write(t);
        }
        byte[] f = filterJson.getBytes(StandardCharsets.UTF_8);
        out.writeInt(f.length);
        out.write(f);
        return bytes.toByteArray();
    }

    private static byte[] zlib(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_COMPRESSION))) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private static byte[] inflate(byte[] data) throws IOException {
        try (InflaterInputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    @Test
    void encodeProducesTheSpecLayout() throws IOException {
        RegisterBrokerBody body = new RegisterBrokerBody();
        DataVersion version = new DataVersion();
        version.setTimestamp(1700000000000L);
        version.setCounter(new AtomicLong(7));
        body.getTopicConfigSerializeWrapper().setDataVersion(version);
        body.getTopicConfigSerializeWrapper().getTopicConfigTable().put("TopicTest", new TopicConfig("TopicTest", 4, 4, 6));

        byte[] compressed = body.encode(true);
        assertEquals(0x78, compressed[0] & 0xFF, "standard zlib header");
        assertArrayEquals(layout(VERSION_JSON, List.of("TopicTest 4 4 6 SINGLE_TAG"), "[]"), inflate(compressed));
    }

    @Test
    void decodeReadsAnIndependentlyBuiltBody() throws IOException {
        byte[] data = zlib(layout(VERSION_JSON, List.of("TopicTest 4 4 6 SINGLE_TAG", "Other 8 2 7 MULTI_TAG"),
            "[\"127.0.0.1:30000\"]"));
        RegisterBrokerBody body = RegisterBrokerBody.decode(data, true);

        assertEquals(7, body.getTopicConfigSerializeWrapper().getDataVersion().getCounter().get());
        assertEquals(1700000000000L, body.getTopicConfigSerializeWrapper().getDataVersion().getTimestamp());
        TopicConfig other = new TopicConfig("Other", 8, 2, 7);
        other.setTopicFilterType(org.cometmq.common.TopicFilterType.MULTI_TAG);
        assertEquals(Map.of("TopicTest", new TopicConfig("TopicTest", 4, 4, 6), "Other", other),
            body.getTopicConfigSerializeWrapper().getTopicConfigTable());
        assertEquals(List.of("127.0.0.1:30000"), body.getFilterServerList());
    }

    @Test
    void roundTripOfManyTopics() throws IOException {
        RegisterBrokerBody body = new RegisterBrokerBody();
        for (int i = 0; i < 2000; i++) {
            body.getTopicConfigSerializeWrapper().getTopicConfigTable().put("T" + i, new TopicConfig("T" + i, i % 16 + 1, 4, 6));
        }
        RegisterBrokerBody decoded = RegisterBrokerBody.decode(body.encode(true), true);
        assertEquals(body.getTopicConfigSerializeWrapper().getTopicConfigTable(),
            decoded.getTopicConfigSerializeWrapper().getTopicConfigTable());
        assertEquals(body.getTopicConfigSerializeWrapper().getDataVersion(),
            decoded.getTopicConfigSerializeWrapper().getDataVersion());
    }

    @Test
    void badCompressedBodiesGiveClearErrors() throws IOException {
        IOException notZlib = assertThrows(IOException.class,
            () -> RegisterBrokerBody.decode("{\"plain\":true}".getBytes(StandardCharsets.UTF_8), true));
        assertTrue(notZlib.getMessage().contains("zlib"), notZlib.getMessage());

        byte[] full = layout(VERSION_JSON, List.of("TopicTest 4 4 6 SINGLE_TAG"), "[]");
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 6);
        IOException truncated = assertThrows(IOException.class, () -> RegisterBrokerBody.decode(zlib(cut), true));
        assertTrue(truncated.getMessage().contains("left") || truncated.getMessage().contains("truncated"),
            truncated.getMessage());

        byte[] hugeCount = layout(VERSION_JSON, List.of(), "[]");
        hugeCount[4 + VERSION_JSON.length() + 3] = 0x7F;
        IOException count = assertThrows(IOException.class, () -> RegisterBrokerBody.decode(zlib(hugeCount), true));
        assertTrue(count.getMessage().contains("topics"), count.getMessage());

        IOException badTopic = assertThrows(IOException.class, () -> RegisterBrokerBody.decode(
            zlib(layout(VERSION_JSON, List.of("TopicTest four 4 6 SINGLE_TAG"), "[]")), true));
        assertTrue(badTopic.getMessage().contains("TopicTest four"), badTopic.getMessage());

        IOException garbageJson = assertThrows(IOException.class,
            () -> RegisterBrokerBody.decode("garbage".getBytes(StandardCharsets.UTF_8), false));
        assertTrue(garbageJson.getMessage().contains("not valid JSON"), garbageJson.getMessage());
    }
}
