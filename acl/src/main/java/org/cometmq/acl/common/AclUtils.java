package org.cometmq.acl.common;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cometmq.remoting.RPCHook;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** What is signed, and the tools' credentials file. */
public final class AclUtils {

    private AclUtils() {
    }

    /**
     * The signed bytes: the values of {@code fieldsMap} in key order (Java {@code String} order), concatenated
     * without separators and encoded as UTF-8, followed by {@code body}. The {@code Signature} entry is skipped.
     */
    public static byte[] combineRequestContent(SortedMap<String, String> fieldsMap, byte[] body) {
        StringBuilder sb = new StringBuilder(256);
        for (Map.Entry<String, String> entry : fieldsMap.entrySet()) {
            if (!AclConstants.SIGNATURE.equals(entry.getKey())) {
                sb.append(entry.getValue());
            }
        }
        return combineBytes(sb.toString().getBytes(StandardCharsets.UTF_8), body);
    }

    /** {@code a} followed by {@code b} (either may be null). */
    public static byte[] combineBytes(byte[] a, byte[] b) {
        int aLength = a == null ? 0 : a.length;
        int bLength = b == null ? 0 : b.length;
        byte[] total = new byte[aLength + bLength];
        if (aLength > 0) {
            System.arraycopy(a, 0, total, 0, aLength);
        }
        if (bLength > 0) {
            System.arraycopy(b, 0, total, aLength, bLength);
        }
        return total;
    }

    /** Sorted copy of {@code fields} without the entries a checker leaves out. */
    public static SortedMap<String, String> sortedFields(Map<String, String> fields) {
        return fields == null ? new TreeMap<>() : new TreeMap<>(fields);
    }

    /**
     * The signing hook for command-line tools: reads {@code accessKey} and {@code secretKey} from the YAML file
     * {@code fileName} (usually {@code <home>/conf/tools.yml}); null when the file is missing or either key is blank,
     * so the tool sends unsigned requests.
     */
    public static RPCHook getAclRPCHook(String fileName) {
        File file = new File(fileName);
        if (!file.isFile()) {
            return null;
        }
        Map<String, Object> yaml;
        try (InputStream in = Files.newInputStream(file.toPath())) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(loaded instanceof Map)) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) loaded;
            yaml = map;
        } catch (IOException | RuntimeException e) {
            throw new AclException("cannot read the tools credentials file " + fileName + ": " + e.getMessage(), e);
        }
        String accessKey = text(yaml.get(AclConstants.CONFIG_ACCESS_KEY));
        String secretKey = text(yaml.get(AclConstants.CONFIG_SECRET_KEY));
        if (accessKey.isEmpty() || secretKey.isEmpty()) {
            return null;
        }
        return new AclClientRPCHook(new SessionCredentials(accessKey, secretKey));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).trim();
    }
}
