package org.cometmq.broker.processor;

import org.cometmq.common.help.FAQUrl;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.filter.ConsumerFilterFactory;
import org.cometmq.broker.longpolling.HeldPullRequest;
import org.cometmq.broker.longpolling.PullRequestHoldService;
import org.cometmq.broker.longpolling.PullRequestWaker;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.broker.stats.BrokerStatsManager;
import org.cometmq.broker.subscription.SubscriptionGroupManager;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.PullMessageRequestHeader;
import org.cometmq.common.protocol.header.PullMessageResponseHeader;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.common.sysflag.PullSysFlag;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.netty.Replies;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.GetMessageResult;
import org.cometmq.store.MessageFilter;
import org.cometmq.store.MessageStore;
import org.cometmq.store.config.BrokerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PULL_MESSAGE (spec 4.4, 9.7): permission and subscription checks, a filtered read from the store, the mapping of
 * store status to PULL_* codes and next offset, long polling of empty pulls, and the commit of the offset the
 * consumer piggy-backs on its pull.
 */
public class PullMessageProcessor implements NettyRequestProcessor, PullRequestWaker {
    private static final Logger log = LoggerFactory.getLogger(PullMessageProcessor.class);

    private final BrokerConfig brokerConfig;
    private final BrokerRole brokerRole;
    private final SubscriptionGroupManager subscriptionGroupManager;
    private final TopicConfigManager topicConfigManager;
    private final ConsumerOffsetManager consumerOffsetManager;
    private final PullSubscriptionResolver subscriptionResolver;
    private final ConsumerFilterFactory filterFactory;
    private final MessageStore store;
    private final BrokerStatsManager stats;
    private final Clock clock;
    private final OffsetMovedEventWriter offsetMovedEvents;
    private volatile PullRequestHoldService holdService;
    private volatile Executor wakeupExecutor;
    private volatile BooleanSupplier masterRegistered = () -> false;

    public PullMessageProcessor(BrokerConfig brokerConfig, BrokerRole brokerRole,
                                SubscriptionGroupManager subscriptionGroupManager, TopicConfigManager topicConfigManager,
                                ConsumerOffsetManager consumerOffsetManager,
                                ConsumerManager consumerManager, MessageStore store,
                                BrokerStatsManager stats, Clock clock, Supplier<SocketAddress> storeHost) {
        this(brokerConfig, brokerRole, subscriptionGroupManager, topicConfigManager, consumerOffsetManager,
            consumerManager, new ConsumerFilterFactory(brokerConfig), store, stats, clock, storeHost);
    }

    public PullMessageProcessor(BrokerConfig brokerConfig, BrokerRole brokerRole,
                                SubscriptionGroupManager subscriptionGroupManager, TopicConfigManager topicConfigManager,
                                ConsumerOffsetManager consumerOffsetManager, ConsumerManager consumerManager,
                                ConsumerFilterFactory filterFactory, MessageStore store, BrokerStatsManager stats,
                                Clock clock, Supplier<SocketAddress> storeHost) {
        this.brokerConfig = brokerConfig;
        this.brokerRole = brokerRole;
        this.subscriptionGroupManager = subscriptionGroupManager;
        this.topicConfigManager = topicConfigManager;
        this.consumerOffsetManager = consumerOffsetManager;
        this.subscriptionResolver = new PullSubscriptionResolver(consumerManager);
        this.filterFactory = filterFactory;
        this.store = store;
        this.stats = stats;
        this.clock = clock;
        this.offsetMovedEvents = new OffsetMovedEventWriter(store, brokerConfig.getBrokerName(), storeHost);
    }

    /** Where empty pulls wait, and the executor that re-runs them when woken. */
    public void setLongPolling(PullRequestHoldService holdService, Executor wakeupExecutor) {
        this.holdService = holdService;
        this.wakeupExecutor = wakeupExecutor;
    }

    /** On a slave: whether the name servers know a live master (decides how reads are refused, see PullNodeAdvisor). */
    public void setMasterRegistered(BooleanSupplier masterRegistered) {
        this.masterRegistered = masterRegistered;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        return process(ctx.channel(), request, true);
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }

    @Override
    public void executeRequestWhenWakeup(Channel channel, RemotingCommand request) {
        Runnable rerun = () -> {
            try {
                RemotingCommand response = process(channel, request, false);
                if (response != null) {
                    Replies.reply(channel, request, response);
                }
            } catch (Exception e) {
                log.warn("answering a held pull from {} failed", RemotingHelper.parseChannelRemoteAddr(channel), e);
                Replies.reply(channel, request, Responses.error(ResponseCode.SYSTEM_ERROR,
                    RemotingHelper.exceptionSimpleDesc(e)));
            }
        };
        try {
            wakeupExecutor.execute(rerun);
        } catch (RejectedExecutionException e) {
            log.warn("pull executor full, answering a held pull from {} SYSTEM_BUSY",
                RemotingHelper.parseChannelRemoteAddr(channel));
            Replies.reply(channel, request, Responses.error(ResponseCode.SYSTEM_BUSY,
                "[OVERLOAD]system busy, start flow control for a while"));
        }
    }

    /** One pull; null when the answer is written later (held) or was written directly (zero-copy). */
    RemotingCommand process(Channel channel, RemotingCommand request, boolean allowSuspend)
        throws RemotingCommandException {
        RemotingCommand response = RemotingCommand.createResponseCommand(PullMessageResponseHeader.class);
        PullMessageRequestHeader header = request.decodeCommandCustomHeader(PullMessageRequestHeader.class);
        SubscriptionGroupConfig group = checkGroupAndTopic(header, response);
        if (group == null) {
            return response;
        }
        if (brokerRole == BrokerRole.SLAVE && !brokerConfig.isSlaveReadEnable()) {
            return PullNodeAdvisor.refuseSlaveRead(response, brokerConfig.getBrokerName(), header.getQueueOffset(),
                store.getMinOffsetInQueue(header.getTopic(), header.getQueueId()),
                store.getMaxOffsetInQueue(header.getTopic(), header.getQueueId()), group, masterRegistered);
        }
        SubscriptionData subscription = subscriptionResolver.resolve(header, group, response);
        if (subscription == null) {
            return response;
        }
        MessageFilter filter = filterFactory.create(header.getConsumerGroup(), subscription, response);
        if (filter == null) {
            return response;
        }
        GetMessageResult result = store.getMessage(header.getConsumerGroup(), header.getTopic(), header.getQueueId(),
            header.getQueueOffset(), header.getMaxMsgNums(), filter);
        if (result == null) {
            response.setCode(ResponseCode.SYSTEM_ERROR);
            response.setRemark("store getMessage return null");
            return response;
        }
        fillHeader(response, result, group);
        PullStatusMapper.apply(result.getStatus(), header.getQueueOffset(), response);
        if (response.getCode() == ResponseCode.PULL_OFFSET_MOVED && brokerRole == BrokerRole.SLAVE
            && !storeOffsetCheckInSlave()) {
            // As 4.9.7: a slave does not move a consumer's offset; it sends the consumer to the group's node.
            response.setCode(ResponseCode.PULL_RETRY_IMMEDIATELY);
            ((PullMessageResponseHeader) response.readCustomHeader()).setSuggestWhichBrokerId(group.getBrokerId());
        }
        RemotingCommand answer = answer(channel, request, response, header, result, filter, allowSuspend);
        commitOffsetIfAsked(channel, header, allowSuspend);
        return answer;
    }

    private SubscriptionGroupConfig checkGroupAndTopic(PullMessageRequestHeader header, RemotingCommand response) {
        if (!PermName.isReadable(brokerConfig.getBrokerPermission())) {
            return fail(response, ResponseCode.NO_PERMISSION, "the broker[" + brokerConfig.getBrokerIP1()
                + "] pulling message is forbidden");
        }
        SubscriptionGroupConfig group = subscriptionGroupManager.findSubscriptionGroupConfig(header.getConsumerGroup());
        if (group == null) {
            return fail(response, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, String.format(
                "subscription group [%s] does not exist, %s", header.getConsumerGroup(),
                FAQUrl.suggestTodo(FAQUrl.SUBSCRIPTION_GROUP_NOT_EXIST)));
        }
        if (!group.isConsumeEnable()) {
            return fail(response, ResponseCode.NO_PERMISSION, "subscription group no permission, "
                + header.getConsumerGroup());
        }
        TopicConfig topic = topicConfigManager.selectTopicConfig(header.getTopic());
        if (topic == null) {
            return fail(response, ResponseCode.TOPIC_NOT_EXIST, String.format(
                "topic[%s] not exist, apply first please! %s", header.getTopic(),
                FAQUrl.suggestTodo(FAQUrl.APPLY_TOPIC_URL)));
        }
        if (!PermName.isReadable(topic.getPerm())) {
            return fail(response, ResponseCode.NO_PERMISSION, "the topic[" + header.getTopic()
                + "] pulling message is forbidden");
        }
        int queueId = header.getQueueId();
        if (queueId < 0 || queueId >= topic.getReadQueueNums()) {
            return fail(response, ResponseCode.SYSTEM_ERROR, "queueId[" + queueId + "] is illegal, topic:["
                + header.getTopic() + "] topicConfig.readQueueNums:[" + topic.getReadQueueNums() + "] consumer:["
                + header.getConsumerGroup() + "]");
        }
        return group;
    }

    private void fillHeader(RemotingCommand response, GetMessageResult result, SubscriptionGroupConfig group) {
        PullMessageResponseHeader responseHeader = (PullMessageResponseHeader) response.readCustomHeader();
        response.setRemark(result.getStatus().name());
        responseHeader.setNextBeginOffset(result.getNextBeginOffset());
        responseHeader.setMinOffset(result.getMinOffset());
        responseHeader.setMaxOffset(result.getMaxOffset());
        responseHeader.setSuggestWhichBrokerId(PullNodeAdvisor.suggest(brokerConfig.isSlaveReadEnable(),
            result.isSuggestPullingFromSlave(), group));
    }

    private RemotingCommand answer(Channel channel, RemotingCommand request, RemotingCommand response,
                                   PullMessageRequestHeader header, GetMessageResult result, MessageFilter filter,
                                   boolean allowSuspend) {
        if (response.getCode() != ResponseCode.SUCCESS) {
            result.release();
            stats.incPullResult(false);
            if (response.getCode() == ResponseCode.PULL_OFFSET_MOVED && brokerRole != BrokerRole.SLAVE) {
                offsetMovedEvents.write(header.getConsumerGroup(), header.getTopic(), header.getQueueId(),
                    header.getQueueOffset(), result.getNextBeginOffset());
            }
            if (response.getCode() == ResponseCode.PULL_NOT_FOUND && allowSuspend
                && PullSysFlag.hasSuspendFlag(header.getSysFlag())) {
                hold(channel, request, header, filter);
                return null;
            }
            return response;
        }
        stats.incPullResult(true);
        stats.recordGet(header.getConsumerGroup(), header.getTopic(), header.getQueueId(), result.getMessageCount(),
            result.getBufferTotalSize(), result.getNextBeginOffset());
        if (brokerConfig.isTransferMsgByHeap()) {
            response.setBody(PullResponseWriter.copyToHeap(result));
            return response;
        }
        if (request.isOnewayRPC()) {
            result.release();
            return null;
        }
        PullResponseWriter.writeZeroCopy(channel, request, response, result);
        return null;
    }

    private boolean storeOffsetCheckInSlave() {
        return store.getMessageStoreConfig() != null && store.getMessageStoreConfig().isOffsetCheckInSlave();
    }

    private void hold(Channel channel, RemotingCommand request, PullMessageRequestHeader header, MessageFilter filter) {
        long holdMillis = brokerConfig.isLongPollingEnable()
            ? (header.getSuspendTimeoutMillis() == null ? 0 : header.getSuspendTimeoutMillis())
            : brokerConfig.getShortPollingTimeMills();
        HeldPullRequest pullRequest = new HeldPullRequest(request, channel, holdMillis, clock.millis(),
            header.getQueueOffset(), filter);
        holdService.suspendPullRequest(header.getTopic(), header.getQueueId(), pullRequest);
    }

    private void commitOffsetIfAsked(Channel channel, PullMessageRequestHeader header, boolean allowSuspend) {
        boolean commit = allowSuspend && PullSysFlag.hasCommitOffsetFlag(header.getSysFlag())
            && brokerRole != BrokerRole.SLAVE && header.getCommitOffset() != null;
        if (commit) {
            consumerOffsetManager.commitOffset(RemotingHelper.parseChannelRemoteAddr(channel),
                header.getConsumerGroup(), header.getTopic(), header.getQueueId(), header.getCommitOffset());
        }
    }

    private static SubscriptionGroupConfig fail(RemotingCommand response, int code, String remark) {
        response.setCode(code);
        response.setRemark(remark);
        return null;
    }
}
