package org.cometmq.common.protocol.body;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.cometmq.common.DataVersion;
import org.cometmq.common.TopicConfig;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * REGISTER_BROKER body: the broker's topic table with its version, and its filter servers.
 * Two wire forms: JSON ({@code {"filterServerList":[],"topicConfigSerializeWrapper":{...}}}) and the compressed
 * form, a zlib stream of length-prefixed parts (big-endian int32 lengths):
 * DataVersion JSON, topic count, each topic as {@link TopicConfig#encode()} text, filter-server JSON array.
 */
public class RegisterBrokerBody extends RemotingSerializable {
    /** Refuse to inflate beyond this, so a hostile body cannot exhaust memory. */
    private static final int MAX_INFLATED_BYTES = 64 * 1024 * 1024;

    private TopicConfigSerializeWrapper topicConfigSerializeWrapper = new TopicConfigSerializeWrapper();
    private List<String> filterServerList = new ArrayList<>();

    /** The JSON form, or the compressed form when {@code compress}. */
    public byte[] encode(boolean compress) {
        if (!compress) {
            return super.encode();
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream(4096);
        writeChunk(plain, topicConfigSerializeWrapper.getDataVersion().toJson().getBytes(StandardCharsets.UTF_8));
        ConcurrentMap<String, TopicConfig> topics = topicConfigSerializeWrapper.getTopicConfigTable();
        List<byte[]> encodedTopics = new ArrayList<>(topics.size());
        topics.values().forEach(tc -> encodedTopics.add(tc.encode().getBytes(StandardCharsets.UTF_8)));
        writeInt(plain, encodedTopics.size());
        encodedTopics.forEach(bytes -> writeChunk(plain, bytes));
        writeChunk(plain, JSON.toJSONBytes(filterServerList == null ? List.of() : filterServerList));
        return deflate(plain.toByteArray());
    }

    /**
     * Reads either form.
     *
     * @throws IOException naming what is wrong when {@code data} is not a registration body of that form
     */
    public static RegisterBrokerBody decode(byte[] data, boolean compressed) throws IOException {
        if (data == null || data.length == 0) {
            throw new IOException("empty register broker body");
        }
        if (!compressed) {
            try {
                RegisterBrokerBody body = RemotingSerializable.decode(data, RegisterBrokerBody.class);
                if (body == null) {
                    throw new IOException("register broker body is blank");
                }
                return body;
            } catch (RuntimeException e) {
                throw new IOException("register broker body is not valid JSON: " + e.getMessage(), e);
            }
        }
        return decodeCompressed(ByteBuffer.wrap(inflate(data)));
    }

    private static RegisterBrokerBody decodeCompressed(ByteBuffer in) throws IOException {
        try {
            RegisterBrokerBody body = new RegisterBrokerBody();
            DataVersion dataVersion = RemotingSerializable.decode(readChunk(in), DataVersion.class);
            if (dataVersion == null) {
                throw new IOException("compressed register body has an empty DataVersion");
            }
            body.topicConfigSerializeWrapper.setDataVersion(dataVersion);
            int topicCount = in.getInt();
            if (topicCount < 0 || (long) topicCount * 4 > in.remaining()) {
                throw new IOException("compressed register body declares " + topicCount + " topics but has "
                    + in.remaining() + " bytes left");
            }
            ConcurrentMap<String, TopicConfig> table = body.topicConfigSerializeWrapper.getTopicConfigTable();
            for (int i = 0; i < topicCount; i++) {
                String text = new String(readChunk(in), StandardCharsets.UTF_8);
                TopicConfig topicConfig = new TopicConfig();
                if (!topicConfig.decode(text)) {
                    throw new IOException("compressed register body has a bad topic config: '" + text + "'");
                }
                table.put(topicConfig.getTopicName(), topicConfig);
            }
            String filterJson = new String(readChunk(in), StandardCharsets.UTF_8);
            body.setFilterServerList(new ArrayList<>(JSON.parseArray(filterJson, String.class)));
            return body;
        } catch (BufferUnderflowException e) {
            throw new IOException("compressed register body is truncated", e);
        } catch (JSONException | IllegalArgumentException e) {
            throw new IOException("compressed register body holds invalid JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] readChunk(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IOException("compressed register body has a part of length " + length + " but only "
                + in.remaining() + " bytes left");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static void writeChunk(ByteArrayOutputStream out, byte[] bytes) {
        writeInt(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 4));
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] data) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, data.length * 4));
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("register broker body is a truncated zlib stream");
                }
                if (out.size() + n > MAX_INFLATED_BYTES) {
                    throw new IOException("register broker body inflates beyond " + MAX_INFLATED_BYTES + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("register broker body is not a zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    public TopicConfigSerializeWrapper getTopicConfigSerializeWrapper() {
        return topicConfigSerializeWrapper;
    }

    public void setTopicConfigSerializeWrapper(TopicConfigSerializeWrapper topicConfigSerializeWrapper) {
        this.topicConfigSerializeWrapper = topicConfigSerializeWrapper;
    }

    public List<String> getFilterServerList() {
        return filterServerList;
    }

    public void setFilterServerList(List<String> filterServerList) {
        this.filterServerList = filterServerList;
    }
}
