package org.cometmq.common.topic;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Names of the system topics and the rules a topic (or group) name must follow. */
public final class TopicValidator {
    public static final String AUTO_CREATE_TOPIC_KEY_TOPIC = "TBW102";
    public static final String RMQ_SYS_SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    public static final String RMQ_SYS_BENCHMARK_TOPIC = "BenchmarkTest";
    public static final String RMQ_SYS_TRANS_HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
    public static final String RMQ_SYS_TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";
    public static final String RMQ_SYS_TRANS_OP_HALF_TOPIC = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    public static final String RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC = "TRANS_CHECK_MAX_TIME_TOPIC";
    public static final String RMQ_SYS_SELF_TEST_TOPIC = "SELF_TEST_TOPIC";
    public static final String RMQ_SYS_OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";
    public static final String SYSTEM_TOPIC_PREFIX = "rmq_sys_";

    public static final int TOPIC_MAX_LENGTH = 127;
    public static final String VALID_PATTERN_STR = "^[%|a-zA-Z0-9_-]+$";

    public static final String REMARK_BLANK = "The specified topic is blank.";
    public static final String REMARK_ILLEGAL_CHARS =
        "The specified topic contains illegal characters, allowing only " + VALID_PATTERN_STR;
    public static final String REMARK_TOO_LONG = "The specified topic is longer than topic max length.";

    private static final boolean[] VALID_CHAR_BIT_MAP = new boolean[128];

    /** Grows at broker start (cluster, broker, trace and reply topics), read concurrently by processors. */
    private static final Set<String> SYSTEM_TOPIC_SET = ConcurrentHashMap.newKeySet();
    private static final Set<String> NOT_ALLOWED_SEND_TOPIC_SET = ConcurrentHashMap.newKeySet();

    static {
        Collections.addAll(SYSTEM_TOPIC_SET, AUTO_CREATE_TOPIC_KEY_TOPIC, RMQ_SYS_SCHEDULE_TOPIC, RMQ_SYS_BENCHMARK_TOPIC,
            RMQ_SYS_TRANS_HALF_TOPIC, RMQ_SYS_TRACE_TOPIC, RMQ_SYS_TRANS_OP_HALF_TOPIC,
            RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC, RMQ_SYS_SELF_TEST_TOPIC, RMQ_SYS_OFFSET_MOVED_EVENT);
        Collections.addAll(NOT_ALLOWED_SEND_TOPIC_SET, RMQ_SYS_SCHEDULE_TOPIC, RMQ_SYS_TRANS_HALF_TOPIC,
            RMQ_SYS_TRANS_OP_HALF_TOPIC, RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC, RMQ_SYS_SELF_TEST_TOPIC,
            RMQ_SYS_OFFSET_MOVED_EVENT);
        VALID_CHAR_BIT_MAP['%'] = true;
        VALID_CHAR_BIT_MAP['|'] = true;
        VALID_CHAR_BIT_MAP['-'] = true;
        VALID_CHAR_BIT_MAP['_'] = true;
        for (char c = '0'; c <= '9'; c++) {
            VALID_CHAR_BIT_MAP[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            VALID_CHAR_BIT_MAP[c] = true;
            VALID_CHAR_BIT_MAP[Character.toUpperCase(c)] = true;
        }
    }

    private TopicValidator() {
    }

    /** True when {@code str} has a character outside {@code [%|a-zA-Z0-9_-]}. */
    public static boolean isTopicOrGroupIllegal(String str) {
        for (int i = 0; i < str.length(); i++) {
            char ch = str.charAt(i);
            if (ch >= VALID_CHAR_BIT_MAP.length || !VALID_CHAR_BIT_MAP[ch]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reason a topic name is refused (the exact remark the broker answers with SYSTEM_ERROR),
     * or null when the name is valid.
     */
    public static String checkTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            return REMARK_BLANK;
        }
        if (isTopicOrGroupIllegal(topic)) {
            return REMARK_ILLEGAL_CHARS;
        }
        if (topic.length() > TOPIC_MAX_LENGTH) {
            return REMARK_TOO_LONG;
        }
        return null;
    }

    public static boolean isSystemTopic(String topic) {
        return SYSTEM_TOPIC_SET.contains(topic) || topic.startsWith(SYSTEM_TOPIC_PREFIX);
    }

    /** Remark for a create request that names a system topic. */
    public static String systemTopicConflictRemark(String topic) {
        return "The topic[" + topic + "] is conflict with system topic.";
    }

    public static boolean isNotAllowedSendTopic(String topic) {
        return NOT_ALLOWED_SEND_TOPIC_SET.contains(topic);
    }

    /** Remark for a send to a topic clients may not write (answered with NO_PERMISSION). */
    public static String notAllowedSendRemark(String topic) {
        return "Sending message to topic[" + topic + "] is forbidden.";
    }

    public static void addSystemTopic(String systemTopic) {
        SYSTEM_TOPIC_SET.add(systemTopic);
    }

    public static Set<String> getSystemTopicSet() {
        return Collections.unmodifiableSet(SYSTEM_TOPIC_SET);
    }

    public static Set<String> getNotAllowedSendTopicSet() {
        return Collections.unmodifiableSet(NOT_ALLOWED_SEND_TOPIC_SET);
    }
}
