package org.cometmq.dashboard.service;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cometmq.common.message.MessageClientIDSetter;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.ConsumeMessageDirectlyResult;
import org.cometmq.common.protocol.body.ConsumeQueueData;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.dashboard.http.BadRequestException;
import org.cometmq.dashboard.http.NotFoundException;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.admin.api.MessageTrack;

/**
 * Messages: found by id, by key, or by topic and store-time range; shown with body, properties and which groups
 * consumed them; handed again to a consumer group's client (also from the group's DLQ).
 */
public final class MessageBrowser {
    /** How many messages one search returns at most, as the page shows them in one table. */
    public static final int MAX_RESULTS = 64;

    private final MQAdminExt admin;

    public MessageBrowser(MQAdminExt admin) {
        this.admin = admin;
    }

    /** One message by its id (the unique client id or the broker's offset id) with its consumption track. */
    public Map<String, Object> byId(String topic, String msgId) throws Exception {
        MessageExt message = admin.viewMessage(topic, msgId);
        if (message == null) {
            throw new NotFoundException("no message " + msgId + " in topic " + topic);
        }
        Map<String, Object> view = describe(message);
        List<Map<String, Object>> tracks = new ArrayList<>();
        for (MessageTrack track : admin.messageTrackDetail(message)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("consumerGroup", track.getConsumerGroup());
            row.put("trackType", String.valueOf(track.getTrackType()));
            row.put("exceptionDesc", track.getExceptionDesc());
            tracks.add(row);
        }
        view.put("tracks", tracks);
        return view;
    }

    /** Messages whose KEYS contain the key, newest first. */
    public List<Map<String, Object>> byKey(String topic, String key) throws Exception {
        List<MessageExt> found = new ArrayList<>(admin.queryMessage(topic, key, MAX_RESULTS, 0, Long.MAX_VALUE)
            .getMessageList());
        found.sort(Comparator.comparingLong(MessageExt::getStoreTimestamp).reversed());
        return found.stream().limit(MAX_RESULTS).map(MessageBrowser::describe).toList();
    }

    /** Messages stored in [begin, end) on every queue of the topic, at most {@link #MAX_RESULTS}, by store time. */
    public List<Map<String, Object>> byTime(String topic, long begin, long end) throws Exception {
        if (end <= begin) {
            throw new BadRequestException("end must be after begin");
        }
        TopicRouteData route = admin.examineTopicRouteInfo(topic);
        List<MessageExt> found = new ArrayList<>();
        for (Map.Entry<MessageQueue, String> queue : readableQueues(topic, route).entrySet()) {
            collect(queue.getKey(), queue.getValue(), begin, end, found);
            if (found.size() >= MAX_RESULTS) {
                break;
            }
        }
        found.sort(Comparator.comparingLong(MessageExt::getStoreTimestamp));
        return found.stream().limit(MAX_RESULTS).map(MessageBrowser::describe).toList();
    }

    private void collect(MessageQueue mq, String brokerAddr, long begin, long end, List<MessageExt> found)
        throws Exception {
        long from = admin.searchOffset(mq, begin);
        long to = Math.min(admin.searchOffset(mq, end) + 1, admin.maxOffset(mq));
        int count = (int) Math.min(to - from, MAX_RESULTS - found.size());
        if (count <= 0) {
            return;
        }
        List<ConsumeQueueData> entries = admin.queryConsumeQueue(brokerAddr, mq.getTopic(), mq.getQueueId(), from,
            count, null).getQueueData();
        InetSocketAddress store = address(brokerAddr);
        for (ConsumeQueueData entry : entries == null ? List.<ConsumeQueueData>of() : entries) {
            MessageExt message = admin.viewMessage(MessageDecoder.createMessageId(store, entry.getPhysicOffset()));
            if (message != null && message.getStoreTimestamp() >= begin && message.getStoreTimestamp() < end) {
                found.add(message);
            }
        }
    }

    private static Map<MessageQueue, String> readableQueues(String topic, TopicRouteData route) {
        Map<String, String> masters = new TreeMap<>();
        for (BrokerData broker : route.getBrokerDatas()) {
            String master = broker.getBrokerAddrs().get(0L);
            if (master != null) {
                masters.put(broker.getBrokerName(), master);
            }
        }
        Map<MessageQueue, String> queues = new TreeMap<>();
        route.getQueueDatas().forEach(data -> {
            String addr = masters.get(data.getBrokerName());
            for (int id = 0; addr != null && id < data.getReadQueueNums(); id++) {
                queues.put(new MessageQueue(topic, data.getBrokerName(), id), addr);
            }
        });
        return queues;
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** Hands the message to one client of the group (each online client when none is named) to consume again. */
    public List<Map<String, Object>> resend(String group, String clientId, String topic, String msgId)
        throws Exception {
        List<String> clients = clientId != null ? List.of(clientId)
            : admin.examineConsumerConnectionInfo(group).getConnectionSet().stream()
                .map(c -> c.getClientId()).sorted().toList();
        List<Map<String, Object>> results = new ArrayList<>();
        for (String client : clients) {
            ConsumeMessageDirectlyResult result = admin.consumeMessageDirectly(group, client, topic, msgId);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("clientId", client);
            row.put("consumeResult", String.valueOf(result.getConsumeResult()));
            row.put("remark", result.getRemark());
            row.put("spentTimeMills", result.getSpentTimeMills());
            results.add(row);
        }
        return results;
    }

    static Map<String, Object> describe(MessageExt message) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("msgId", MessageClientIDSetter.getUniqID(message) != null
            ? MessageClientIDSetter.getUniqID(message) : message.getMsgId());
        view.put("offsetMsgId", message.getMsgId());
        view.put("topic", message.getTopic());
        view.put("tags", message.getTags());
        view.put("keys", message.getKeys());
        view.put("queueId", message.getQueueId());
        view.put("queueOffset", message.getQueueOffset());
        view.put("bornHost", message.getBornHostString());
        view.put("storeHost", String.valueOf(message.getStoreHost()));
        view.put("bornTimestamp", message.getBornTimestamp());
        view.put("storeTimestamp", message.getStoreTimestamp());
        view.put("reconsumeTimes", message.getReconsumeTimes());
        view.put("properties", new TreeMap<>(message.getProperties()));
        putBody(view, message.getBody());
        return view;
    }

    /** Text bodies as text; anything that is not valid UTF-8 as base64, said so. */
    static void putBody(Map<String, Object> view, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        view.put("bodySize", bytes.length);
        try {
            view.put("body", StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
            view.put("bodyEncoding", "utf-8");
        } catch (CharacterCodingException e) {
            view.put("body", Base64.getEncoder().encodeToString(bytes));
            view.put("bodyEncoding", "base64");
        }
    }
}
