package org.cometmq.spring.support;

import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.cometmq.acl.common.AclClientRPCHook;
import org.cometmq.acl.common.SessionCredentials;
import org.cometmq.client.producer.LocalTransactionState;
import org.cometmq.client.producer.TransactionListener;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.remoting.RPCHook;
import org.cometmq.spring.core.RocketMQLocalTransactionListener;
import org.cometmq.spring.core.RocketMQLocalTransactionState;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.StringUtils;

/** Conversions between Spring messages and CometMQ messages, and small helpers shared by the starter. */
public final class RocketMQUtil {
    private static final String CONTENT_TYPE = "contentType";

    private RocketMQUtil() {
    }

    /**
     * Builds the CometMQ message for {@code destination} ({@code topic} or {@code topic:tags}): a {@code String}
     * payload is encoded with {@code charset}, {@code byte[]} is sent as is, anything else goes through
     * {@code converter}. Headers KEYS, FLAG, WAIT and DELAY (with or without the {@code rocketmq_} prefix) set
     * those fields; other headers become user properties.
     */
    public static org.cometmq.common.message.Message convertToRocketMessage(MessageConverter converter,
        String charset, String destination, Message<?> message) {
        byte[] body = payloadBytes(converter, Charset.forName(charset), message.getPayload(), message.getHeaders());
        String[] topicAndTags = destination.split(":", 2);
        org.cometmq.common.message.Message rocketMsg = new org.cometmq.common.message.Message(topicAndTags[0],
            topicAndTags.length > 1 ? topicAndTags[1] : "", body);
        copyHeaders(message.getHeaders(), rocketMsg);
        return rocketMsg;
    }

    /** The body of {@code payload}: {@code byte[]} as is, {@code String} encoded, anything else converted. */
    static byte[] payloadBytes(MessageConverter converter, Charset charset, Object payload, MessageHeaders headers) {
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String text) {
            return text.getBytes(charset);
        }
        Message<?> converted = converter.toMessage(payload, headers);
        if (converted == null) {
            throw new MessageConversionException("No converter can write a payload of type "
                + payload.getClass().getName() + " (the converters: byte[], String, JSON)");
        }
        Object convertedPayload = converted.getPayload();
        if (convertedPayload instanceof byte[] bytes) {
            return bytes;
        }
        return String.valueOf(convertedPayload).getBytes(charset);
    }

    private static void copyHeaders(MessageHeaders headers, org.cometmq.common.message.Message rocketMsg) {
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            String name = header.getKey().startsWith(RocketMQHeaders.PREFIX)
                ? header.getKey().substring(RocketMQHeaders.PREFIX.length()) : header.getKey();
            Object value = header.getValue();
            if (value == null || MessageHeaders.ID.equals(name) || MessageHeaders.TIMESTAMP.equals(name)
                || CONTENT_TYPE.equals(name)) {
                continue;
            }
            switch (name) {
                case RocketMQHeaders.KEYS -> setKeys(rocketMsg, value);
                case RocketMQHeaders.FLAG -> rocketMsg.setFlag(Integer.parseInt(value.toString()));
                case RocketMQHeaders.WAIT -> rocketMsg.setWaitStoreMsgOK(Boolean.parseBoolean(value.toString()));
                case RocketMQHeaders.DELAY -> rocketMsg.setDelayTimeLevel(Integer.parseInt(value.toString()));
                default -> putUserProperty(rocketMsg, name, value);
            }
        }
    }

    private static void setKeys(org.cometmq.common.message.Message rocketMsg, Object value) {
        if (value instanceof Collection<?> keys) {
            rocketMsg.setKeys(keys.stream().map(String::valueOf).toList());
        } else {
            rocketMsg.setKeys(value.toString());
        }
    }

    private static void putUserProperty(org.cometmq.common.message.Message rocketMsg, String name, Object value) {
        // Headers echoed from a received message (its topic, id, system properties) are not re-sent as properties.
        if (MessageConst.STRING_HASH_SET.contains(name) || !StringUtils.hasText(value.toString())
            || name.equals(RocketMQHeaders.TAGS) || name.equals(RocketMQHeaders.TOPIC)) {
            return;
        }
        rocketMsg.putUserProperty(name, value.toString());
    }

    /** A Spring message of the received message: its body as payload, its fields and properties as headers. */
    public static Message<byte[]> convertToSpringMessage(MessageExt messageExt) {
        Map<String, Object> headers = new HashMap<>(messageExt.getProperties());
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.KEYS, nullToEmpty(messageExt.getKeys()));
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.TAGS, nullToEmpty(messageExt.getTags()));
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.TOPIC, messageExt.getTopic());
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.MESSAGE_ID, messageExt.getMsgId());
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.BORN_TIMESTAMP, messageExt.getBornTimestamp());
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.BORN_HOST, messageExt.getBornHostString());
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.FLAG, messageExt.getFlag());
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.QUEUE_ID, messageExt.getQueueId());
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.SYS_FLAG, messageExt.getSysFlag());
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.TRANSACTION_ID, nullToEmpty(messageExt.getTransactionId()));
        return MessageBuilder.withPayload(bodyOf(messageExt)).copyHeaders(headers).build();
    }

    /** A Spring message of a message about to be sent (the local-transaction callback sees this). */
    public static Message<byte[]> convertToSpringMessage(org.cometmq.common.message.Message message) {
        if (message instanceof MessageExt messageExt) {
            return convertToSpringMessage(messageExt);
        }
        Map<String, Object> headers = new HashMap<>(message.getProperties());
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.KEYS, nullToEmpty(message.getKeys()));
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.TAGS, nullToEmpty(message.getTags()));
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.TOPIC, message.getTopic());
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.FLAG, message.getFlag());
        headers.put(RocketMQHeaders.PREFIX + RocketMQHeaders.TRANSACTION_ID, nullToEmpty(message.getTransactionId()));
        return MessageBuilder.withPayload(bodyOf(message)).copyHeaders(headers).build();
    }

    private static byte[] bodyOf(org.cometmq.common.message.Message message) {
        return message.getBody() == null ? new byte[0] : message.getBody();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** An ACL signing hook when both keys are given, else null (unsigned requests). */
    public static RPCHook getRPCHookByAkSk(String accessKey, String secretKey) {
        if (StringUtils.hasText(accessKey) && StringUtils.hasText(secretKey)) {
            return new AclClientRPCHook(new SessionCredentials(accessKey, secretKey));
        }
        return null;
    }

    /** The client's view of an application's local-transaction listener. */
    public static TransactionListener convert(RocketMQLocalTransactionListener listener) {
        return new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(org.cometmq.common.message.Message msg, Object arg) {
                return convertLocalTransactionState(listener.executeLocalTransaction(convertToSpringMessage(msg), arg));
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                return convertLocalTransactionState(listener.checkLocalTransaction(convertToSpringMessage(msg)));
            }
        };
    }

    static LocalTransactionState convertLocalTransactionState(RocketMQLocalTransactionState state) {
        if (state == null) {
            return LocalTransactionState.UNKNOW;
        }
        return switch (state) {
            case COMMIT -> LocalTransactionState.COMMIT_MESSAGE;
            case ROLLBACK -> LocalTransactionState.ROLLBACK_MESSAGE;
            case UNKNOWN -> LocalTransactionState.UNKNOW;
        };
    }

    /**
     * A client instance name per name-server list and process, so applications (or tests) talking to different
     * clusters from one JVM never share a client instance.
     */
    public static String getInstanceName(String nameServer) {
        String pid = String.valueOf(ManagementFactory.getRuntimeMXBean().getPid());
        return nameServer.replaceAll("[^A-Za-z0-9.]", "_") + "@" + pid;
    }
}
