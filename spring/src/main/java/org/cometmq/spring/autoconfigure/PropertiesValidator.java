package org.cometmq.spring.autoconfigure;

import java.util.Set;
import org.cometmq.common.namesrv.NameServerAddresses;
import org.springframework.util.StringUtils;

/**
 * Checks {@code rocketmq.*} when the context starts, so a bad value stops the application with a message naming
 * the property instead of failing at the first send.
 */
final class PropertiesValidator {
    private static final int MAX_BROKER_MESSAGE_SIZE = 1024 * 1024 * 4;

    private PropertiesValidator() {
    }

    /** @throws IllegalArgumentException naming the first bad property */
    static void validate(RocketMQProperties properties) {
        validateNameServer(properties.getNameServer());
        require(!StringUtils.hasText(properties.getAccessChannel())
                || Set.of("LOCAL", "CLOUD").contains(properties.getAccessChannel()), "rocketmq.access-channel",
            "must be LOCAL or CLOUD", properties.getAccessChannel());
        validateProducer(properties.getProducer());
        validateConsumer(properties.getPullConsumer());
        requireKeyPair("rocketmq.consumer", properties.getConsumer().getAccessKey(),
            properties.getConsumer().getSecretKey());
    }

    private static void validateNameServer(String nameServer) {
        require(StringUtils.hasText(nameServer), "rocketmq.name-server", "must not be empty (host:port;host:port)",
            nameServer);
        for (String trimmed : NameServerAddresses.parse(nameServer)) {
            int colon = trimmed.lastIndexOf(':');
            boolean ok = colon > 0 && colon < trimmed.length() - 1 && isPort(trimmed.substring(colon + 1));
            require(ok, "rocketmq.name-server", "must be host:port entries separated by ';', bad entry '"
                + trimmed + "'", nameServer);
        }
    }

    private static boolean isPort(String text) {
        if (!text.chars().allMatch(Character::isDigit) || text.length() > 5) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535;
    }

    private static void validateProducer(RocketMQProperties.Producer producer) {
        require(producer.getGroup() == null || StringUtils.hasText(producer.getGroup()), "rocketmq.producer.group",
            "must not be blank", producer.getGroup());
        require(producer.getSendMessageTimeout() > 0, "rocketmq.producer.send-message-timeout",
            "must be a positive number of milliseconds", producer.getSendMessageTimeout());
        require(producer.getRetryTimesWhenSendFailed() >= 0, "rocketmq.producer.retry-times-when-send-failed",
            "must not be negative", producer.getRetryTimesWhenSendFailed());
        require(producer.getRetryTimesWhenSendAsyncFailed() >= 0,
            "rocketmq.producer.retry-times-when-send-async-failed", "must not be negative",
            producer.getRetryTimesWhenSendAsyncFailed());
        require(producer.getCompressMessageBodyThreshold() >= 0, "rocketmq.producer.compress-message-body-threshold",
            "must not be negative", producer.getCompressMessageBodyThreshold());
        require(producer.getMaxMessageSize() > 0 && producer.getMaxMessageSize() <= MAX_BROKER_MESSAGE_SIZE,
            "rocketmq.producer.max-message-size", "must be between 1 and " + MAX_BROKER_MESSAGE_SIZE + " bytes",
            producer.getMaxMessageSize());
        requireKeyPair("rocketmq.producer", producer.getAccessKey(), producer.getSecretKey());
    }

    private static void validateConsumer(RocketMQProperties.PullConsumer consumer) {
        boolean hasGroup = StringUtils.hasText(consumer.getGroup());
        boolean hasTopic = StringUtils.hasText(consumer.getTopic());
        require(hasGroup || !hasTopic, "rocketmq.pull-consumer.group", "must be set when rocketmq.pull-consumer.topic is",
            consumer.getGroup());
        require(hasTopic || !hasGroup, "rocketmq.pull-consumer.topic", "must be set when rocketmq.pull-consumer.group is",
            consumer.getTopic());
        require(Set.of("CLUSTERING", "BROADCASTING").contains(consumer.getMessageModel()),
            "rocketmq.pull-consumer.message-model", "must be CLUSTERING or BROADCASTING", consumer.getMessageModel());
        require(Set.of("TAG", "SQL92").contains(consumer.getSelectorType()), "rocketmq.pull-consumer.selector-type",
            "must be TAG or SQL92", consumer.getSelectorType());
        require(StringUtils.hasText(consumer.getSelectorExpression()), "rocketmq.pull-consumer.selector-expression",
            "must not be empty", consumer.getSelectorExpression());
        require(consumer.getPullBatchSize() >= 1 && consumer.getPullBatchSize() <= 1024,
            "rocketmq.pull-consumer.pull-batch-size", "must be between 1 and 1024", consumer.getPullBatchSize());
        requireKeyPair("rocketmq.pull-consumer", consumer.getAccessKey(), consumer.getSecretKey());
    }

    private static void requireKeyPair(String prefix, String accessKey, String secretKey) {
        require(StringUtils.hasText(accessKey) == StringUtils.hasText(secretKey), prefix
            + (StringUtils.hasText(accessKey) ? ".secret-key" : ".access-key"),
            "must be set together with " + prefix + (StringUtils.hasText(accessKey) ? ".access-key" : ".secret-key"),
            "<not set>");
    }

    private static void require(boolean ok, String property, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("Invalid configuration property " + property + " = '" + value
                + "': " + rule);
        }
    }
}
