package org.cometmq.test.spring;

import java.util.List;
import java.util.Map;

/**
 * One Spring Boot application, written twice with the same listeners and sends: once against CometMQ's starter
 * ({@code org.cometmq.spring.*}) and once against Apache's ({@code org.apache.rocketmq.spring.*}), the imports being
 * the only difference. The scenario drives it through this interface. Send methods return the send status name.
 */
public interface SpringApp extends AutoCloseable {
    /** Topics and groups of the listeners, given to the application as properties (its annotations use ${...}). */
    String POJO_TOPIC = "SpringPojo";
    String STRING_TOPIC = "SpringString";
    String BYTES_TOPIC = "SpringBytes";
    String ORDERLY_TOPIC = "SpringOrderly";
    String FAILING_TOPIC = "SpringFailing";
    String TAG_TOPIC = "SpringTag";
    String SQL_TOPIC = "SpringSql";
    String TX_TOPIC = "SpringTx";
    String REPLY_TOPIC = "SpringReply";
    String PULL_TOPIC = "SpringPull";
    List<String> TOPICS = List.of(POJO_TOPIC, STRING_TOPIC, BYTES_TOPIC, ORDERLY_TOPIC, FAILING_TOPIC, TAG_TOPIC,
        SQL_TOPIC, TX_TOPIC, REPLY_TOPIC, PULL_TOPIC);

    /** The properties the application starts with. */
    static Map<String, Object> properties(String namesrvAddr, String groupPrefix) {
        return Map.ofEntries(Map.entry("rocketmq.name-server", namesrvAddr),
            Map.entry("rocketmq.producer.group", groupPrefix + "_producer"),
            Map.entry("rocketmq.producer.send-message-timeout", "10000"),
            Map.entry("rocketmq.pull-consumer.group", groupPrefix + "_pull"),
            Map.entry("rocketmq.pull-consumer.topic", PULL_TOPIC),
            Map.entry("it.group-prefix", groupPrefix),
            Map.entry("it.topic.pojo", POJO_TOPIC), Map.entry("it.topic.string", STRING_TOPIC),
            Map.entry("it.topic.bytes", BYTES_TOPIC), Map.entry("it.topic.orderly", ORDERLY_TOPIC),
            Map.entry("it.topic.failing", FAILING_TOPIC), Map.entry("it.topic.tag", TAG_TOPIC),
            Map.entry("it.topic.sql", SQL_TOPIC), Map.entry("it.topic.tx", TX_TOPIC),
            Map.entry("it.topic.reply", REPLY_TOPIC), Map.entry("it.tag-selector", "keep || also"),
            Map.entry("spring.main.banner-mode", "off"));
    }

    /** "comet" or "apache": whose starter the application uses. */
    String starter();

    Received received();

    String syncSend(String destination, Object payload);

    String syncSendWithHeaders(String destination, Object payload, Map<String, Object> headers);

    String asyncSend(String destination, Object payload) throws Exception;

    void sendOneWay(String destination, Object payload);

    void convertAndSend(String destination, Object payload);

    String syncSendDelayed(String destination, Object payload, int delayLevel);

    String syncSendBatch(String destination, List<String> payloads);

    String syncSendOrderly(String destination, Object payload, String hashKey);

    String asyncSendOrderly(String destination, Object payload, String hashKey) throws Exception;

    void sendOneWayOrderly(String destination, Object payload, String hashKey);

    /** The local transaction state the send ended with. */
    String sendInTransaction(String destination, Object payload, String arg);

    String sendAndReceive(String destination, String request, long timeoutMillis);

    /** A send through the second template, the one of {@code @ExtRocketMQTemplateConfiguration}. */
    String extSyncSend(String destination, Object payload);

    /** One poll of the template's pull consumer ({@code rocketmq.consumer.*}). */
    List<String> receive(long timeoutMillis);

    @Override
    void close();
}
