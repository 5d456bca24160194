package org.cometmq.spring.support;

import java.util.function.UnaryOperator;
import org.cometmq.spring.annotation.ConsumeMode;
import org.cometmq.spring.annotation.MessageModel;
import org.cometmq.spring.annotation.RocketMQMessageListener;
import org.cometmq.spring.annotation.SelectorType;
import org.springframework.util.StringUtils;

/** The attributes of one {@code @RocketMQMessageListener} with its placeholders resolved and checked. */
public record ListenerSettings(String beanName, String nameServer, String accessChannel, String consumerGroup,
    String topic, SelectorType selectorType, String selectorExpression, ConsumeMode consumeMode,
    MessageModel messageModel, int consumeThreadMax, int consumeThreadNumber, int maxReconsumeTimes,
    long consumeTimeout, int replyTimeout, String accessKey, String secretKey, boolean enableMsgTrace,
    String customizedTraceTopic, boolean tlsEnable, String namespace, int delayLevelWhenNextConsume,
    int suspendCurrentQueueTimeMillis, int awaitTerminationMillisWhenShutdown, String instanceName) {

    /**
     * Resolves the string attributes of {@code annotation} on bean {@code beanName} with {@code resolver} (the
     * environment's placeholder resolution).
     *
     * @throws IllegalArgumentException naming the attribute when a value is missing or out of range
     */
    public static ListenerSettings resolve(String beanName, RocketMQMessageListener annotation,
        UnaryOperator<String> resolver) {
        ListenerSettings settings = new ListenerSettings(beanName, resolver.apply(annotation.nameServer()),
            resolver.apply(annotation.accessChannel()), resolver.apply(annotation.consumerGroup()),
            resolver.apply(annotation.topic()), annotation.selectorType(),
            resolver.apply(annotation.selectorExpression()), annotation.consumeMode(), annotation.messageModel(),
            annotation.consumeThreadMax(), annotation.consumeThreadNumber(), annotation.maxReconsumeTimes(),
            annotation.consumeTimeout(), annotation.replyTimeout(), resolver.apply(annotation.accessKey()),
            resolver.apply(annotation.secretKey()), annotation.enableMsgTrace(),
            resolver.apply(annotation.customizedTraceTopic()),
            Boolean.parseBoolean(resolver.apply(annotation.tlsEnable())), resolver.apply(annotation.namespace()),
            annotation.delayLevelWhenNextConsume(), annotation.suspendCurrentQueueTimeMillis(),
            annotation.awaitTerminationMillisWhenShutdown(), resolver.apply(annotation.instanceName()));
        settings.validate();
        return settings;
    }

    private void validate() {
        require(StringUtils.hasText(consumerGroup), "consumerGroup", "must not be empty");
        require(StringUtils.hasText(topic), "topic", "must not be empty");
        require(StringUtils.hasText(nameServer), "nameServer",
            "is empty: set rocketmq.name-server or the annotation's nameServer");
        require(!(consumeMode == ConsumeMode.ORDERLY && messageModel == MessageModel.BROADCASTING), "consumeMode",
            "ORDERLY cannot be combined with messageModel BROADCASTING");
        require(consumeThreadMax >= 1, "consumeThreadMax", "must be at least 1, was " + consumeThreadMax);
        require(consumeThreadNumber >= 1, "consumeThreadNumber", "must be at least 1, was " + consumeThreadNumber);
        require(consumeTimeout >= 1, "consumeTimeout", "must be at least 1 (minutes), was " + consumeTimeout);
        require(maxReconsumeTimes >= -1, "maxReconsumeTimes", "must be -1 or more, was " + maxReconsumeTimes);
        require(replyTimeout >= 1, "replyTimeout", "must be at least 1 ms, was " + replyTimeout);
        require(StringUtils.hasText(selectorExpression), "selectorExpression", "must not be empty");
        require(!StringUtils.hasText(accessChannel) || accessChannel.equals("LOCAL") || accessChannel.equals("CLOUD"),
            "accessChannel", "must be LOCAL or CLOUD, was '" + accessChannel + "'");
    }

    private void require(boolean ok, String attribute, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("Bad @RocketMQMessageListener on bean '" + beanName + "': "
                + attribute + " " + problem);
        }
    }
}
