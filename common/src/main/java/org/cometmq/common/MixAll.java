package org.cometmq.common;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.common.annotation.ImportantField;
import org.slf4j.Logger;

/**
 * Constants shared by every module (special topics, groups, environment names) and small helpers:
 * retry/DLQ topic names, properties text, filling config beans from properties, safe file writes.
 */
public final class MixAll {
    public static final String ROCKETMQ_HOME_ENV = "ROCKETMQ_HOME";
    public static final String ROCKETMQ_HOME_PROPERTY = "rocketmq.home.dir";
    public static final String NAMESRV_ADDR_ENV = "NAMESRV_ADDR";
    public static final String NAMESRV_ADDR_PROPERTY = "rocketmq.namesrv.addr";
    public static final String MESSAGE_COMPRESS_TYPE = "rocketmq.message.compressType";
    public static final String MESSAGE_COMPRESS_LEVEL = "rocketmq.message.compressLevel";
    public static final String DEFAULT_NAMESRV_ADDR_LOOKUP = "jmenv.tbsite.net";
    public static final String WS_DOMAIN_NAME = System.getProperty("rocketmq.namesrv.domain", DEFAULT_NAMESRV_ADDR_LOOKUP);
    public static final String WS_DOMAIN_SUBGROUP = System.getProperty("rocketmq.namesrv.domain.subgroup", "nsaddr");

    /** Not an Apache MixAll constant: the default cluster name of broker configs. */
    public static final String DEFAULT_CLUSTER = "DefaultCluster";
    public static final String DEFAULT_TOPIC = "TBW102";
    public static final String BENCHMARK_TOPIC = "BenchmarkTest";
    public static final String SELF_TEST_TOPIC = "SELF_TEST_TOPIC";
    public static final String OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";
    public static final String REPLY_TOPIC_POSTFIX = "REPLY_TOPIC";

    public static final String DEFAULT_PRODUCER_GROUP = "DEFAULT_PRODUCER";
    public static final String DEFAULT_CONSUMER_GROUP = "DEFAULT_CONSUMER";
    public static final String TOOLS_CONSUMER_GROUP = "TOOLS_CONSUMER";
    public static final String SCHEDULE_CONSUMER_GROUP = "SCHEDULE_CONSUMER";
    public static final String FILTERSRV_CONSUMER_GROUP = "FILTERSRV_CONSUMER";
    public static final String MONITOR_CONSUMER_GROUP = "__MONITOR_CONSUMER";
    public static final String CLIENT_INNER_PRODUCER_GROUP = "CLIENT_INNER_PRODUCER";
    public static final String SELF_TEST_PRODUCER_GROUP = "SELF_TEST_P_GROUP";
    public static final String SELF_TEST_CONSUMER_GROUP = "SELF_TEST_C_GROUP";
    public static final String ONS_HTTP_PROXY_GROUP = "CID_ONS-HTTP-PROXY";
    public static final String CID_ONSAPI_PERMISSION_GROUP = "CID_ONSAPI_PERMISSION";
    public static final String CID_ONSAPI_OWNER_GROUP = "CID_ONSAPI_OWNER";
    public static final String CID_ONSAPI_PULL_GROUP = "CID_ONSAPI_PULL";
    public static final String CID_RMQ_SYS_PREFIX = "CID_RMQ_SYS_";
    public static final String CID_SYS_RMQ_TRANS = "CID_RMQ_SYS_TRANS";

    public static final String DEFAULT_CHARSET = "UTF-8";
    public static final long MASTER_ID = 0L;
    public static final long CURRENT_JVM_PID = ProcessHandle.current().pid();

    public static final String RETRY_GROUP_TOPIC_PREFIX = "%RETRY%";
    public static final String DLQ_GROUP_TOPIC_PREFIX = "%DLQ%";
    public static final String SYSTEM_TOPIC_PREFIX = "rmq_sys_";
    public static final String LMQ_PREFIX = "%LMQ%";
    public static final long LMQ_QUEUE_ID = 0;
    public static final String MULTI_DISPATCH_QUEUE_SPLITTER = ",";
    public static final String UNIQUE_MSG_QUERY_FLAG = "_UNIQUE_KEY_QUERY";
    public static final String DEFAULT_TRACE_REGION_ID = "DefaultRegion";
    public static final String CONSUME_CONTEXT_TYPE = "ConsumeContextType";
    public static final String REPLY_MESSAGE_FLAG = "reply";
    public static final String ORDER_TOPIC_CONFIG_NAMESPACE = "ORDER_TOPIC_CONFIG";

    private MixAll() {
    }

    public static String getRetryTopic(String consumerGroup) {
        return RETRY_GROUP_TOPIC_PREFIX + consumerGroup;
    }

    public static String getDLQTopic(String consumerGroup) {
        return DLQ_GROUP_TOPIC_PREFIX + consumerGroup;
    }

    public static String getReplyTopic(String clusterName) {
        return clusterName + "_" + REPLY_TOPIC_POSTFIX;
    }

    public static boolean isSysConsumerGroup(String consumerGroup) {
        return consumerGroup.startsWith(CID_RMQ_SYS_PREFIX);
    }

    public static boolean isSystemTopic(String topic) {
        return topic.startsWith(SYSTEM_TOPIC_PREFIX);
    }

    public static boolean isLmq(String lmqMetaData) {
        return lmqMetaData != null && lmqMetaData.startsWith(LMQ_PREFIX);
    }

    /** The VIP (fast) channel of a broker listens two ports below its main port. */
    public static String brokerVIPChannel(boolean isChange, String brokerAddr) {
        if (!isChange) {
            return brokerAddr;
        }
        int colon = brokerAddr.lastIndexOf(':');
        return brokerAddr.substring(0, colon) + ":" + (Integer.parseInt(brokerAddr.substring(colon + 1)) - 2);
    }

    public static long getPID() {
        return CURRENT_JVM_PID;
    }

    /** Raises {@code target} to {@code value} if it is larger; returns whether it changed. */
    public static boolean compareAndIncreaseOnly(AtomicLong target, long value) {
        long prev = target.get();
        while (value > prev) {
            if (target.compareAndSet(prev, value)) {
                return true;
            }
            prev = target.get();
        }
        return false;
    }

    /** Derives a stable positive id from an address: 4 IPv4 bytes followed by the port. */
    public static long createBrokerId(String ip, int port) {
        byte[] addr = new InetSocketAddress(ip, port).getAddress().getAddress();
        ByteBuffer bb = ByteBuffer.allocate(8);
        bb.put(addr, 0, Math.min(4, addr.length));
        bb.putInt(4, port);
        return Math.abs(bb.getLong(0));
    }

    // ---------------------------------------------------------------- properties text

    /** Java properties as {@code key=value} lines separated by '\n'; null values skipped; no escaping. */
    public static String properties2String(Properties properties) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Object, Object> entry : new TreeMap<>(properties).entrySet()) {
            if (entry.getValue() != null) {
                sb.append(entry.getKey()).append('=').append(entry.getValue()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Parses properties text ({@code key=value} lines, Java properties syntax); null when it cannot be read. */
    public static Properties string2Properties(String str) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(str));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return properties;
    }

    /** Every non-static, non-null field of {@code object} (its class and superclasses) as a property. */
    public static Properties object2Properties(Object object) {
        Properties properties = new Properties();
        for (Class<?> c = object.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()
                    || properties.containsKey(field.getName())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object value = field.get(object);
                    if (value != null) {
                        properties.setProperty(field.getName(), value.toString());
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // an inaccessible field is simply not part of the printed config
                }
            }
        }
        return properties;
    }

    /**
     * Fills a config bean from properties: for every public setter {@code setXxx} of one parameter of type
     * String, int, long, double, float, boolean (or their boxes) or an enum (by constant name) whose key
     * {@code xxx} is present, the trimmed value is parsed and set.
     *
     * @throws IllegalArgumentException naming the key when a value does not parse
     */
    public static void properties2Object(Properties p, Object object) {
        for (Method method : object.getClass().getMethods()) {
            String name = method.getName();
            if (!name.startsWith("set") || name.length() < 4 || method.getParameterCount() != 1) {
                continue;
            }
            String key = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            String raw = p.getProperty(key);
            if (raw == null) {
                continue;
            }
            String value = raw.trim();
            Object arg;
            try {
                arg = parseValue(method.getParameterTypes()[0], value);
            } catch (IllegalArgumentException e) {
                Class<?> type = method.getParameterTypes()[0];
                String expected = type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants())
                    : "a valid " + type.getSimpleName();
                throw new IllegalArgumentException("Config key '" + key + "' has value '" + value
                    + "', expected " + expected, e);
            }
            if (arg == null) {
                continue;
            }
            try {
                method.invoke(object, arg);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("Config key '" + key + "' could not be set: " + e, e);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parseValue(Class<?> type, String value) {
        if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, value);
        } else if (type == String.class) {
            return value;
        } else if (type == int.class || type == Integer.class) {
            return Integer.parseInt(value);
        } else if (type == long.class || type == Long.class) {
            return Long.parseLong(value);
        } else if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(value);
        } else if (type == double.class || type == Double.class) {
            return Double.parseDouble(value);
        } else if (type == float.class || type == Float.class) {
            return Float.parseFloat(value);
        }
        return null;
    }

    /** Logs every non-static field of a config bean as {@code name=value} at INFO (null printed as empty). */
    public static void printObjectProperties(Logger log, Object object) {
        printObjectProperties(log, object, false);
    }

    /** As {@link #printObjectProperties(Logger, Object)}, optionally only fields marked {@link ImportantField}. */
    public static void printObjectProperties(Logger log, Object object, boolean onlyImportantField) {
        for (Class<?> c = object.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()
                    || (onlyImportantField && !field.isAnnotationPresent(ImportantField.class))) {
                    continue;
                }
                Object value;
                try {
                    field.setAccessible(true);
                    value = field.get(object);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                log.info("{}={}", field.getName(), value == null ? "" : value);
            }
        }
    }

    public static boolean isPropertiesEqual(Properties p1, Properties p2) {
        return p1.equals(p2);
    }

    // ---------------------------------------------------------------- files

    /**
     * Writes {@code str} to {@code fileName} so that a crash never leaves a half-written file:
     * write {@code .tmp}, keep the previous content as {@code .bak}, then rename over the target.
     */
    public static void string2File(String str, String fileName) throws IOException {
        Path target = Paths.get(fileName);
        Path tmp = Paths.get(fileName + ".tmp");
        string2FileNotSafe(str, tmp.toString());
        if (Files.exists(target)) {
            Files.copy(target, Paths.get(fileName + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void string2FileNotSafe(String str, String fileName) throws IOException {
        Path path = Paths.get(fileName);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(path, str, StandardCharsets.UTF_8);
    }

    /** The file's content as UTF-8, or null when it does not exist or cannot be read. */
    public static String file2String(String fileName) {
        Path path = Paths.get(fileName);
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- local addresses

    public static List<String> getLocalInetAddress() {
        List<String> result = new ArrayList<>();
        try {
            Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
            while (interfaces != null && interfaces.hasMoreElements()) {
                Enumeration<InetAddress> addrs = interfaces.nextElement().getInetAddresses();
                while (addrs.hasMoreElements()) {
                    result.add(addrs.nextElement().getHostAddress());
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException("Cannot list local network interfaces", e);
        }
        return result;
    }

    /** The local host name, or its address when the name cannot be resolved. */
    public static String getLocalHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    public static String humanReadableByteCount(long bytes, boolean si) {
        int unit = si ? 1000 : 1024;
        if (bytes < unit) {
            return bytes + " B";
        }
        int exp = (int) (Math.log(bytes) / Math.log(unit));
        String pre = (si ? "kMGTPE" : "KMGTPE").charAt(exp - 1) + (si ? "" : "i");
        return String.format("%.1f %sB", bytes / Math.pow(unit, exp), pre);
    }
}
