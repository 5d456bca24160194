package org.cometmq.broker.processor.admin;

import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.broker.processor.Responses;
import org.cometmq.broker.stats.BrokerStatsManager;
import org.cometmq.broker.stats.StatsItem;
import org.cometmq.broker.stats.StatsSnapshot;
import org.cometmq.broker.subscription.SubscriptionGroupManager;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.BrokerStatsData;
import org.cometmq.common.protocol.body.BrokerStatsItem;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.protocol.body.ConsumeStatsList;
import org.cometmq.common.protocol.body.GroupList;
import org.cometmq.common.protocol.body.QueryConsumeTimeSpanBody;
import org.cometmq.common.protocol.body.QueueTimeSpan;
import org.cometmq.common.admin.TopicOffset;
import org.cometmq.common.admin.TopicStatsTable;
import org.cometmq.common.protocol.header.GetConsumeStatsInBrokerHeader;
import org.cometmq.common.protocol.header.GetConsumeStatsRequestHeader;
import org.cometmq.common.protocol.header.GetTopicStatsInfoRequestHeader;
import org.cometmq.common.protocol.header.QueryConsumeTimeSpanRequestHeader;
import org.cometmq.common.protocol.header.QueryTopicConsumeByWhoRequestHeader;
import org.cometmq.common.protocol.header.ViewBrokerStatsDataRequestHeader;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageStore;

/**
 * Read-only statistics for tools: GET_TOPIC_STATS_INFO, GET_CONSUME_STATS, QUERY_TOPIC_CONSUME_BY_WHO,
 * QUERY_CONSUME_TIME_SPAN, GET_BROKER_CONSUME_STATS and VIEW_BROKER_STATS_DATA.
 */
public class StatsAdminProcessor implements NettyRequestProcessor {
    private final String brokerName;
    private final TopicConfigManager topicConfigManager;
    private final SubscriptionGroupManager subscriptionGroupManager;
    private final ConsumerOffsetManager consumerOffsetManager;
    private final ConsumerManager consumerManager;
    private final ConsumeStatsCollector consumeStatsCollector;
    private final MessageStore store;
    private final BrokerStatsManager stats;
    private final Supplier<String> brokerAddr;

    public StatsAdminProcessor(String brokerName, TopicConfigManager topicConfigManager,
                               SubscriptionGroupManager subscriptionGroupManager,
                               ConsumerOffsetManager consumerOffsetManager, ConsumerManager consumerManager,
                               ConsumeStatsCollector consumeStatsCollector, MessageStore store,
                               BrokerStatsManager stats, Supplier<String> brokerAddr) {
        this.brokerName = brokerName;
        this.topicConfigManager = topicConfigManager;
        this.subscriptionGroupManager = subscriptionGroupManager;
        this.consumerOffsetManager = consumerOffsetManager;
        this.consumerManager = consumerManager;
        this.consumeStatsCollector = consumeStatsCollector;
        this.store = store;
        this.stats = stats;
        this.brokerAddr = brokerAddr;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.GET_TOPIC_STATS_INFO:
                return topicStats(request.decodeCommandCustomHeader(GetTopicStatsInfoRequestHeader.class).getTopic());
            case RequestCode.GET_CONSUME_STATS: {
                GetConsumeStatsRequestHeader h = request.decodeCommandCustomHeader(GetConsumeStatsRequestHeader.class);
                return Responses.json(consumeStatsCollector.collect(h.getConsumerGroup(), h.getTopic()));
            }
            case RequestCode.QUERY_TOPIC_CONSUME_BY_WHO: {
                String topic = request.decodeCommandCustomHeader(QueryTopicConsumeByWhoRequestHeader.class).getTopic();
                GroupList groups = new GroupList();
                groups.setGroupList(new HashSet<>(consumerManager.queryTopicConsumeByWho(topic)));
                groups.getGroupList().addAll(consumerOffsetManager.whichGroupByTopic(topic));
                return Responses.json(groups);
            }
            case RequestCode.QUERY_CONSUME_TIME_SPAN:
                return consumeTimeSpan(request.decodeCommandCustomHeader(QueryConsumeTimeSpanRequestHeader.class));
            case RequestCode.GET_BROKER_CONSUME_STATS:
                return brokerConsumeStats(request.decodeCommandCustomHeader(GetConsumeStatsInBrokerHeader.class).isOrder());
            case RequestCode.VIEW_BROKER_STATS_DATA:
                return viewStats(request.decodeCommandCustomHeader(ViewBrokerStatsDataRequestHeader.class));
            default:
                return Responses.notSupported(request.getCode());
        }
    }

    private RemotingCommand topicStats(String topic) {
        TopicConfig config = topicConfigManager.selectTopicConfig(topic);
        if (config == null) {
            return Responses.error(ResponseCode.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist");
        }
        TopicStatsTable table = new TopicStatsTable();
        for (int queueId = 0; queueId < config.getWriteQueueNums(); queueId++) {
            TopicOffset offset = new TopicOffset();
            offset.setMinOffset(Math.max(0, store.getMinOffsetInQueue(topic, queueId)));
            long max = Math.max(0, store.getMaxOffsetInQueue(topic, queueId));
            offset.setMaxOffset(max);
            offset.setLastUpdateTimestamp(max > 0 ? store.getMessageStoreTimeStamp(topic, queueId, max - 1) : 0);
            table.getOffsetTable().put(new MessageQueue(topic, brokerName, queueId), offset);
        }
        return Responses.json(table);
    }

    private RemotingCommand consumeTimeSpan(QueryConsumeTimeSpanRequestHeader header) {
        TopicConfig config = topicConfigManager.selectTopicConfig(header.getTopic());
        if (config == null) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "topic[" + header.getTopic() + "] not exist");
        }
        QueryConsumeTimeSpanBody body = new QueryConsumeTimeSpanBody();
        for (int queueId = 0; queueId < config.getWriteQueueNums(); queueId++) {
            QueueTimeSpan span = new QueueTimeSpan();
            span.setMessageQueue(new MessageQueue(header.getTopic(), brokerName, queueId));
            span.setMinTimeStamp(store.getEarliestMessageTime(header.getTopic(), queueId));
            long max = store.getMaxOffsetInQueue(header.getTopic(), queueId);
            span.setMaxTimeStamp(max > 0 ? store.getMessageStoreTimeStamp(header.getTopic(), queueId, max - 1) : 0);
            long consumed = consumerOffsetManager.queryOffset(header.getGroup(), header.getTopic(), queueId);
            long consumeTime = consumed > 0
                ? store.getMessageStoreTimeStamp(header.getTopic(), queueId, consumed - 1) : span.getMinTimeStamp();
            span.setConsumeTimeStamp(consumeTime);
            span.setDelayTime(consumed >= 0 && consumed < max ? span.getMaxTimeStamp() - consumeTime : 0);
            body.getConsumeTimeSpanSet().add(span);
        }
        return Responses.json(body);
    }

    private RemotingCommand brokerConsumeStats(boolean orderOnly) {
        ConsumeStatsList list = new ConsumeStatsList();
        long totalDiff = 0;
        for (String group : subscriptionGroupManager.getSubscriptionGroupTable().keySet()) {
            List<ConsumeStats> perTopic = new ArrayList<>();
            for (String topic : consumerOffsetManager.whichTopicByConsumer(group)) {
                if (orderOnly && !topicConfigManager.isOrderTopic(topic)) {
                    continue;
                }
                ConsumeStats consumeStats = consumeStatsCollector.collect(group, topic);
                totalDiff += consumeStats.computeTotalDiff();
                perTopic.add(consumeStats);
            }
            if (!perTopic.isEmpty()) {
                Map<String, List<ConsumeStats>> entry = new HashMap<>();
                entry.put(group, perTopic);
                list.getConsumeStatsList().add(entry);
            }
        }
        list.setBrokerAddr(brokerAddr.get());
        list.setTotalDiff(totalDiff);
        return Responses.json(list);
    }

    private RemotingCommand viewStats(ViewBrokerStatsDataRequestHeader header) {
        StatsItem item = stats.getStatsItem(header.getStatsName(), header.getStatsKey());
        if (item == null) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "The stats <" + header.getStatsName() + "> <"
                + header.getStatsKey() + "> not exist");
        }
        BrokerStatsData data = new BrokerStatsData();
        data.setStatsMinute(toItem(item.getStatsDataInMinute()));
        data.setStatsHour(toItem(item.getStatsDataInHour()));
        data.setStatsDay(toItem(item.getStatsDataInDay()));
        return Responses.json(data);
    }

    private static BrokerStatsItem toItem(StatsSnapshot snapshot) {
        BrokerStatsItem item = new BrokerStatsItem();
        item.setSum(snapshot.getSum());
        item.setTps(snapshot.getTps());
        item.setAvgpt(snapshot.getAvgpt());
        return item;
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
