package org.cometmq.broker.processor.admin;

import io.netty.channel.ChannelHandlerContext;
import java.util.HashSet;
import java.util.function.Consumer;
import org.cometmq.broker.processor.Responses;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.TopicFilterType;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.protocol.header.CreateTopicRequestHeader;
import org.cometmq.common.protocol.header.DeleteTopicRequestHeader;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageStore;

/**
 * Topic administration: UPDATE_AND_CREATE_TOPIC, DELETE_TOPIC_IN_BROKER, GET_ALL_TOPIC_CONFIG,
 * GET_SYSTEM_TOPIC_LIST_FROM_BROKER and CLEAN_UNUSED_TOPIC.
 */
public class TopicAdminProcessor implements NettyRequestProcessor {
    private static final int MAX_QUEUE_NUMS = 65_535;

    private final TopicConfigManager topicConfigManager;
    private final MessageStore store;
    private final Consumer<TopicConfig> registerTopic;

    /** {@code registerTopic} tells the name servers about a created or updated topic and returns once they know. */
    public TopicAdminProcessor(TopicConfigManager topicConfigManager, MessageStore store,
                               Consumer<TopicConfig> registerTopic) {
        this.topicConfigManager = topicConfigManager;
        this.store = store;
        this.registerTopic = registerTopic;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.UPDATE_AND_CREATE_TOPIC:
                return updateAndCreateTopic(request);
            case RequestCode.DELETE_TOPIC_IN_BROKER:
                return deleteTopic(request);
            case RequestCode.GET_ALL_TOPIC_CONFIG:
                return Responses.json(topicConfigManager.buildTopicConfigSerializeWrapper());
            case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER:
                TopicList list = new TopicList();
                list.setTopicList(new HashSet<>(TopicValidator.getSystemTopicSet()));
                return Responses.json(list);
            case RequestCode.CLEAN_UNUSED_TOPIC:
                store.cleanUnusedTopic(topicConfigManager.getTopicConfigTable().keySet());
                return Responses.success();
            default:
                return Responses.notSupported(request.getCode());
        }
    }

    private RemotingCommand updateAndCreateTopic(RemotingCommand request) throws Exception {
        CreateTopicRequestHeader header = request.decodeCommandCustomHeader(CreateTopicRequestHeader.class);
        String topic = header.getTopic();
        String illegal = TopicValidator.checkTopic(topic);
        if (illegal != null) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, illegal);
        }
        if (TopicValidator.isSystemTopic(topic)) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, TopicValidator.systemTopicConflictRemark(topic));
        }
        String invalid = validateQueuesAndPerm(header);
        if (invalid != null) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, invalid);
        }
        TopicConfig config = new TopicConfig(topic, header.getReadQueueNums(), header.getWriteQueueNums(),
            header.getPerm(), header.getTopicSysFlag() == null ? 0 : header.getTopicSysFlag());
        try {
            config.setTopicFilterType(header.getTopicFilterType() == null ? TopicFilterType.SINGLE_TAG
                : TopicFilterType.valueOf(header.getTopicFilterType()));
        } catch (IllegalArgumentException e) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "topicFilterType '" + header.getTopicFilterType()
                + "' is not SINGLE_TAG or MULTI_TAG");
        }
        config.setOrder(Boolean.TRUE.equals(header.getOrder()));
        topicConfigManager.updateTopicConfig(config);
        // As 4.9.7: the name servers hold the route before the creator gets its answer.
        registerTopic.accept(config);
        return Responses.success();
    }

    private static String validateQueuesAndPerm(CreateTopicRequestHeader header) {
        int read = header.getReadQueueNums();
        int write = header.getWriteQueueNums();
        if (read <= 0 || write <= 0 || read > MAX_QUEUE_NUMS || write > MAX_QUEUE_NUMS) {
            return "readQueueNums " + read + " and writeQueueNums " + write + " must be between 1 and " + MAX_QUEUE_NUMS;
        }
        int perm = header.getPerm();
        if (perm < 0 || perm > (PermName.PERM_PRIORITY | PermName.PERM_READ | PermName.PERM_WRITE | PermName.PERM_INHERIT)) {
            return "perm " + perm + " is not a combination of 8 (priority), 4 (read), 2 (write) and 1 (inherit)";
        }
        return null;
    }

    private RemotingCommand deleteTopic(RemotingCommand request) throws Exception {
        DeleteTopicRequestHeader header = request.decodeCommandCustomHeader(DeleteTopicRequestHeader.class);
        topicConfigManager.deleteTopicConfig(header.getTopic());
        store.cleanUnusedTopic(topicConfigManager.getTopicConfigTable().keySet());
        return Responses.success();
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
