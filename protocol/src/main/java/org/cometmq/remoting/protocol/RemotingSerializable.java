package org.cometmq.remoting.protocol;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.JSONWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON bodies as the RocketMQ 4.x peers write and read them (fastjson conventions: null fields omitted,
 * enums by name). Reading accepts unquoted numeric map keys, which Java peers emit for {@code Map<Long, ...>}.
 * Maps keyed by objects (such as {@code MessageQueue}) need their own writer; see the body classes that hold them.
 */
public abstract class RemotingSerializable {

    private static final JSONReader.Feature[] READ_FEATURES = {
        JSONReader.Feature.AllowUnQuotedFieldNames,
        JSONReader.Feature.SupportSmartMatch,
        JSONReader.Feature.IgnoreSetNullValue
    };

    /** Encodes {@code obj} as UTF-8 JSON; {@code null} gives {@code null}. */
    public static byte[] encode(Object obj) {
        String json = toJson(obj, false);
        return json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code obj} as JSON, optionally indented as the 4.x tools print it and its config files hold it (see
     * {@link PrettyJson}).
     */
    public static String toJson(Object obj, boolean prettyFormat) {
        if (obj == null) {
            return null;
        }
        String json = JSON.toJSONString(obj, JSONWriter.Feature.WriteEnumsUsingName);
        if (!prettyFormat) {
            return json;
        }
        // fastjson 1 opens a line even in an object with no field set; only a map prints empty as {}
        boolean emptyObject = "{}".equals(json) && !(obj instanceof Map);
        return emptyObject ? "{\n\t\n}" : PrettyJson.format(json);
    }

    /** Decodes UTF-8 JSON into {@code classOfT}; {@code null} or empty data gives {@code null}. */
    public static <T> T decode(byte[] data, Class<T> classOfT) {
        if (data == null || data.length == 0) {
            return null;
        }
        return fromJson(new String(data, StandardCharsets.UTF_8), classOfT);
    }

    /** Parses JSON text into {@code classOfT}; {@code null} or blank text gives {@code null}. */
    public static <T> T fromJson(String json, Class<T> classOfT) {
        if (json == null || json.isBlank()) {
            return null;
        }
        return JSON.parseObject(json, classOfT, READ_FEATURES);
    }

    public byte[] encode() {
        return encode(this);
    }

    public String toJson() {
        return toJson(false);
    }

    public String toJson(boolean prettyFormat) {
        return toJson(this, prettyFormat);
    }
}
