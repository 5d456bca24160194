package org.cometmq.remoting.protocol;

import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.JSONWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.cometmq.remoting.exception.RemotingCommandException;

/**
 * The JSON header layout of spec 1.3, written field by field so the bytes equal what the 4.x Java peers send:
 * keys in alphabetical order, null fields omitted, the language by name, {@code body} never included.
 * Reading ignores unknown keys and requires code, language, version, opaque and flag.
 */
final class JsonHeaderCodec {
    private static final int HAS_CODE = 1;
    private static final int HAS_LANGUAGE = 2;
    private static final int HAS_VERSION = 4;
    private static final int HAS_OPAQUE = 8;
    private static final int HAS_FLAG = 16;
    private static final int HAS_ALL = 31;

    private JsonHeaderCodec() {
    }

    static void writeHeader(RemotingCommand cmd, ByteBuf out) {
        try (JSONWriter w = JSONWriter.ofUTF8()) {
            w.startObject();
            writeInt(w, "code", cmd.getCode());
            if (cmd.getExtFields() != null) {
                w.writeName("extFields");
                w.writeColon();
                writeExtFields(w, cmd.getExtFields());
            }
            writeInt(w, "flag", cmd.getFlag());
            if (cmd.getLanguage() != null) {
                writeString(w, "language", cmd.getLanguage().name());
            }
            writeInt(w, "opaque", cmd.getOpaque());
            if (cmd.getRemark() != null) {
                writeString(w, "remark", cmd.getRemark());
            }
            if (cmd.getSerializeTypeCurrentRPC() != null) {
                writeString(w, "serializeTypeCurrentRPC", cmd.getSerializeTypeCurrentRPC().name());
            }
            writeInt(w, "version", cmd.getVersion());
            w.endObject();
            w.flushTo(new ByteBufOutputStream(out));
        } catch (IOException e) {
            throw new UncheckedIOException("writing a JSON header into a buffer cannot fail", e);
        }
    }

    private static void writeExtFields(JSONWriter w, Map<String, String> extFields) {
        w.startObject();
        for (Map.Entry<String, String> e : extFields.entrySet()) {
            if (e.getKey() != null && e.getValue() != null) {
                writeString(w, e.getKey(), e.getValue());
            }
        }
        w.endObject();
    }

    private static void writeInt(JSONWriter w, String name, int value) {
        w.writeName(name);
        w.writeColon();
        w.writeInt32(value);
    }

    private static void writeString(JSONWriter w, String name, String value) {
        w.writeName(name);
        w.writeColon();
        w.writeString(value);
    }

    /** Reads {@code length} header bytes from {@code in}'s reader index (heap buffers are parsed in place). */
    static RemotingCommand readHeader(ByteBuf in, int length) throws RemotingCommandException {
        byte[] bytes;
        int offset;
        if (in.hasArray()) {
            bytes = in.array();
            offset = in.arrayOffset() + in.readerIndex();
        } else {
            bytes = new byte[length];
            in.getBytes(in.readerIndex(), bytes);
            offset = 0;
        }
        in.skipBytes(length);
        try (JSONReader r = JSONReader.of(bytes, offset, length, StandardCharsets.UTF_8)) {
            return readObject(r);
        } catch (JSONException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new RemotingCommandException("invalid JSON header (" + length + " bytes): " + e.getMessage(), e);
        }
    }

    private static RemotingCommand readObject(JSONReader r) throws RemotingCommandException {
        if (!r.nextIfObjectStart()) {
            throw new RemotingCommandException("invalid JSON header: not a JSON object");
        }
        RemotingCommand cmd = new RemotingCommand(true);
        int seen = 0;
        while (!r.nextIfObjectEnd()) {
            String key = r.readFieldName();
            if (key == null) {
                throw new RemotingCommandException("invalid JSON header: expected a field name");
            }
            switch (key) {
                case "code": cmd.setCode(r.readInt32Value()); seen |= HAS_CODE; break;
                case "language": cmd.setLanguage(parseLanguage(r.readString())); seen |= HAS_LANGUAGE; break;
                case "version": cmd.setVersion(r.readInt32Value()); seen |= HAS_VERSION; break;
                case "opaque": cmd.setOpaque(r.readInt32Value()); seen |= HAS_OPAQUE; break;
                case "flag": cmd.setFlag(r.readInt32Value()); seen |= HAS_FLAG; break;
                case "remark": cmd.setRemark(r.readString()); break;
                case "extFields": cmd.setExtFields(readExtFields(r)); break;
                default: r.skipValue(); // serializeTypeCurrentRPC (the frame's type byte wins) and unknown keys
            }
        }
        if (!r.isEnd()) {
            throw new RemotingCommandException("invalid JSON header: bytes after the closing brace");
        }
        if (seen != HAS_ALL) {
            throw new RemotingCommandException("JSON header lacks required field(s): " + missing(seen));
        }
        return cmd;
    }

    private static HashMap<String, String> readExtFields(JSONReader r) throws RemotingCommandException {
        if (r.nextIfNull()) {
            return null;
        }
        if (!r.nextIfObjectStart()) {
            throw new RemotingCommandException("invalid JSON header: extFields is not an object");
        }
        HashMap<String, String> map = new HashMap<>();
        while (!r.nextIfObjectEnd()) {
            String key = r.readFieldName();
            String value = r.readString();
            if (key != null && value != null) {
                map.put(key, value);
            }
        }
        return map;
    }

    private static LanguageCode parseLanguage(String name) {
        if (name == null) {
            return LanguageCode.OTHER;
        }
        try {
            return LanguageCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return LanguageCode.OTHER; // a newer peer's language: not worth failing the request over
        }
    }

    private static String missing(int seen) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"code", "language", "version", "opaque", "flag"};
        for (int i = 0; i < names.length; i++) {
            if ((seen & (1 << i)) == 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(names[i]);
            }
        }
        return sb.toString();
    }
}
