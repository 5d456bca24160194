package org.cometmq.broker.processor.admin;

import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.cometmq.broker.client.ConsumerGroupInfo;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.broker.processor.Responses;
import org.cometmq.common.MixAll;
import org.cometmq.common.UtilAll;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.QueryCorrectionOffsetBody;
import org.cometmq.common.protocol.header.CloneGroupOffsetRequestHeader;
import org.cometmq.common.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import org.cometmq.common.protocol.header.GetEarliestMsgStoretimeResponseHeader;
import org.cometmq.common.protocol.header.GetMaxOffsetRequestHeader;
import org.cometmq.common.protocol.header.GetMaxOffsetResponseHeader;
import org.cometmq.common.protocol.header.GetMinOffsetRequestHeader;
import org.cometmq.common.protocol.header.GetMinOffsetResponseHeader;
import org.cometmq.common.protocol.header.QueryCorrectionOffsetHeader;
import org.cometmq.common.protocol.header.SearchOffsetRequestHeader;
import org.cometmq.common.protocol.header.SearchOffsetResponseHeader;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageStore;
import org.cometmq.store.config.StorePathConfigHelper;

/**
 * Queue offsets and group offsets for clients and tools: SEARCH_OFFSET_BY_TIMESTAMP, GET_MAX_OFFSET, GET_MIN_OFFSET,
 * GET_EARLIEST_MSG_STORETIME, GET_ALL_CONSUMER_OFFSET, GET_ALL_DELAY_OFFSET, CLONE_GROUP_OFFSET and
 * QUERY_CORRECTION_OFFSET.
 */
public class OffsetAdminProcessor implements NettyRequestProcessor {
    private final MessageStore store;
    private final ConsumerOffsetManager consumerOffsetManager;
    private final ConsumerManager consumerManager;

    public OffsetAdminProcessor(MessageStore store, ConsumerOffsetManager consumerOffsetManager,
                                ConsumerManager consumerManager) {
        this.store = store;
        this.consumerOffsetManager = consumerOffsetManager;
        this.consumerManager = consumerManager;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.SEARCH_OFFSET_BY_TIMESTAMP: {
                SearchOffsetRequestHeader h = request.decodeCommandCustomHeader(SearchOffsetRequestHeader.class);
                long offset = store.getOffsetInQueueByTime(h.getTopic(), h.getQueueId(), h.getTimestamp());
                RemotingCommand response = response(SearchOffsetResponseHeader.class);
                ((SearchOffsetResponseHeader) response.readCustomHeader()).setOffset(offset);
                return response;
            }
            case RequestCode.GET_MAX_OFFSET: {
                GetMaxOffsetRequestHeader h = request.decodeCommandCustomHeader(GetMaxOffsetRequestHeader.class);
                RemotingCommand response = response(GetMaxOffsetResponseHeader.class);
                ((GetMaxOffsetResponseHeader) response.readCustomHeader())
                    .setOffset(store.getMaxOffsetInQueue(h.getTopic(), h.getQueueId()));
                return response;
            }
            case RequestCode.GET_MIN_OFFSET: {
                GetMinOffsetRequestHeader h = request.decodeCommandCustomHeader(GetMinOffsetRequestHeader.class);
                RemotingCommand response = response(GetMinOffsetResponseHeader.class);
                ((GetMinOffsetResponseHeader) response.readCustomHeader())
                    .setOffset(store.getMinOffsetInQueue(h.getTopic(), h.getQueueId()));
                return response;
            }
            case RequestCode.GET_EARLIEST_MSG_STORETIME: {
                GetEarliestMsgStoretimeRequestHeader h =
                    request.decodeCommandCustomHeader(GetEarliestMsgStoretimeRequestHeader.class);
                RemotingCommand response = response(GetEarliestMsgStoretimeResponseHeader.class);
                ((GetEarliestMsgStoretimeResponseHeader) response.readCustomHeader())
                    .setTimestamp(store.getEarliestMessageTime(h.getTopic(), h.getQueueId()));
                return response;
            }
            default:
                return groupOffsets(request);
        }
    }

    private RemotingCommand groupOffsets(RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.GET_ALL_CONSUMER_OFFSET:
                return Responses.success(consumerOffsetManager.encode(false).getBytes(StandardCharsets.UTF_8));
            case RequestCode.GET_ALL_DELAY_OFFSET:
                String delay = MixAll.file2String(StorePathConfigHelper.getDelayOffsetStorePath(store.getStorePathRootDir()));
                return delay == null || delay.isBlank()
                    ? Responses.error(ResponseCode.SYSTEM_ERROR, "No delay offset in this broker")
                    : Responses.success(delay.getBytes(StandardCharsets.UTF_8));
            case RequestCode.CLONE_GROUP_OFFSET:
                return cloneGroupOffset(request.decodeCommandCustomHeader(CloneGroupOffsetRequestHeader.class));
            case RequestCode.QUERY_CORRECTION_OFFSET:
                return correctionOffset(request.decodeCommandCustomHeader(QueryCorrectionOffsetHeader.class));
            default:
                return Responses.notSupported(request.getCode());
        }
    }

    /** Copies the source group's offsets; online, only for topics the source group still subscribes. */
    private RemotingCommand cloneGroupOffset(CloneGroupOffsetRequestHeader header) {
        Set<String> topics = UtilAll.isBlank(header.getTopic())
            ? consumerOffsetManager.whichTopicByConsumer(header.getSrcGroup()) : Set.of(header.getTopic());
        ConsumerGroupInfo source = consumerManager.getConsumerGroupInfo(header.getSrcGroup());
        for (String topic : topics) {
            boolean unsubscribed = source != null && !source.getSubscriptionTable().isEmpty()
                && source.findSubscriptionData(topic) == null;
            if (!header.isOffline() && unsubscribed) {
                continue;
            }
            consumerOffsetManager.cloneOffset(header.getSrcGroup(), header.getDestGroup(), topic);
        }
        return Responses.success();
    }

    /**
     * Per queue, the offset every filter group has passed; a queue where the compare group is behind that gets
     * Long.MAX_VALUE (nothing to correct).
     */
    private RemotingCommand correctionOffset(QueryCorrectionOffsetHeader header) {
        Set<String> filterGroups = new HashSet<>();
        if (!UtilAll.isBlank(header.getFilterGroups())) {
            for (String group : header.getFilterGroups().split(",")) {
                if (!group.isBlank()) {
                    filterGroups.add(group.trim());
                }
            }
        }
        Map<Integer, Long> correction = consumerOffsetManager.queryMinOffsetInAllGroup(header.getTopic(), filterGroups);
        Map<Integer, Long> compare = consumerOffsetManager.queryOffset(header.getCompareGroup(), header.getTopic());
        for (Map.Entry<Integer, Long> entry : compare.entrySet()) {
            Long min = correction.get(entry.getKey());
            if (min != null && min > entry.getValue()) {
                correction.put(entry.getKey(), Long.MAX_VALUE);
            }
        }
        QueryCorrectionOffsetBody body = new QueryCorrectionOffsetBody();
        body.setCorrectionOffsets(correction);
        return Responses.json(body);
    }

    private static RemotingCommand response(Class<? extends org.cometmq.remoting.CommandCustomHeader> header) {
        RemotingCommand response = RemotingCommand.createResponseCommand(header);
        response.setCode(ResponseCode.SUCCESS);
        response.setRemark(null);
        return response;
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
