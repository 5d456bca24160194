package org.cometmq.broker.processor;

import com.alibaba.fastjson2.JSON;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.cometmq.common.TopicFilterType;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.MessageStore;
import org.cometmq.store.PutMessageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a corrected pull offset as a message in OFFSET_MOVED_EVENT (tag = the consumer group), body
 * {@code {"consumerGroup":..,"messageQueue":{..},"offsetNew":..,"offsetRequest":..}}, so operators can see which
 * consumers skipped or re-read data.
 */
final class OffsetMovedEventWriter {
    private static final Logger log = LoggerFactory.getLogger(OffsetMovedEventWriter.class);

    private final MessageStore store;
    private final String brokerName;
    private final Supplier<SocketAddress> storeHost;

    OffsetMovedEventWriter(MessageStore store, String brokerName, Supplier<SocketAddress> storeHost) {
        this.store = store;
        this.brokerName = brokerName;
        this.storeHost = storeHost;
    }

    void write(String group, String topic, int queueId, long offsetRequest, long offsetNew) {
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("brokerName", brokerName);
        queue.put("queueId", queueId);
        queue.put("topic", topic);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("consumerGroup", group);
        event.put("messageQueue", queue);
        event.put("offsetNew", offsetNew);
        event.put("offsetRequest", offsetRequest);
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(TopicValidator.RMQ_SYS_OFFSET_MOVED_EVENT);
        msg.setTags(group);
        msg.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(TopicFilterType.SINGLE_TAG, group));
        msg.setBody(JSON.toJSONString(event).getBytes(StandardCharsets.UTF_8));
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_WAIT_STORE_MSG_OK, "false");
        msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
        msg.setQueueId(0);
        msg.setBornTimestamp(System.currentTimeMillis());
        msg.setBornHost(storeHost.get());
        msg.setStoreHost(storeHost.get());
        PutMessageResult result = store.putMessage(msg);
        if (result == null || !result.isOk()) {
            log.warn("could not record offset move of group {} on {}:{} ({} -> {}): {}", group, topic, queueId,
                offsetRequest, offsetNew, result == null ? "no result" : result.getPutMessageStatus());
        }
    }
}
