package org.cometmq.client.impl.consumer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.client.consumer.PullCallback;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.hook.FilterMessageContext;
import org.cometmq.client.hook.FilterMessageHook;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.client.impl.FindBrokerResult;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.header.PullMessageRequestHeader;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.sysflag.PullSysFlag;
import org.cometmq.remoting.exception.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends PULL_MESSAGE to the right broker of a queue (master, or the node the broker suggested last time) and
 * turns a raw result into messages: decode, keep only subscribed tags (the broker filters by tag hash, which may
 * collide), and stamp each message with its queue's offset range and broker name.
 */
public class PullAPIWrapper {
    private static final Logger LOG = LoggerFactory.getLogger(PullAPIWrapper.class);
    private final SubscribeRouteSource routes;
    private final MQClientAPIImpl api;
    private final String consumerGroup;
    private final boolean unitMode;
    private final ConcurrentMap<MessageQueue, AtomicLong> pullFromWhichNodeTable = new ConcurrentHashMap<>(32);
    private volatile boolean connectBrokerByUser = false;
    private volatile long defaultBrokerId = MixAll.MASTER_ID;
    private volatile List<FilterMessageHook> filterMessageHookList = new ArrayList<>();

    public PullAPIWrapper(SubscribeRouteSource routes, MQClientAPIImpl api, String consumerGroup, boolean unitMode) {
        this.routes = routes;
        this.api = api;
        this.consumerGroup = consumerGroup;
        this.unitMode = unitMode;
    }

    /** Decodes and filters a pull result in place; remembers which broker node to pull {@code mq} from next. */
    public PullResult processPullResult(MessageQueue mq, PullResult pullResult, SubscriptionData subscriptionData) {
        PullResultExt ext = (PullResultExt) pullResult;
        updatePullFromWhichNode(mq, ext.getSuggestWhichBrokerId());
        if (pullResult.getPullStatus() == PullStatus.FOUND && ext.getMessageBinary() != null) {
            List<MessageExt> decoded = MessageDecoder.decodes(ByteBuffer.wrap(ext.getMessageBinary()), true, true);
            List<MessageExt> kept = filterByTags(decoded, subscriptionData);
            if (hasHook()) {
                FilterMessageContext context = new FilterMessageContext();
                context.setUnitMode(unitMode);
                context.setMsgList(kept);
                executeHook(context);
            }
            String minOffset = Long.toString(pullResult.getMinOffset());
            String maxOffset = Long.toString(pullResult.getMaxOffset());
            for (MessageExt msg : kept) {
                if (Boolean.parseBoolean(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
                    msg.setTransactionId(msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
                }
                MessageAccessor.putProperty(msg, MessageConst.PROPERTY_MIN_OFFSET, minOffset);
                MessageAccessor.putProperty(msg, MessageConst.PROPERTY_MAX_OFFSET, maxOffset);
                msg.setBrokerName(mq.getBrokerName());
            }
            pullResult.setMsgFoundList(kept);
        }
        ext.setMessageBinary(null);
        return pullResult;
    }

    public boolean hasHook() {
        return !filterMessageHookList.isEmpty();
    }

    /** Calls every filter hook; one that throws is logged and the others still run. */
    public void executeHook(FilterMessageContext context) {
        for (FilterMessageHook hook : filterMessageHookList) {
            try {
                hook.filterMessage(context);
            } catch (Throwable e) {
                LOG.warn("filter message hook {} failed", hook.hookName(), e);
            }
        }
    }

    /** The consumer's filter hook list; hooks it gains later are seen too. */
    public void registerFilterMessageHook(ArrayList<FilterMessageHook> filterMessageHookList) {
        this.filterMessageHookList = filterMessageHookList;
    }

    private static List<MessageExt> filterByTags(List<MessageExt> msgs, SubscriptionData subscriptionData) {
        if (subscriptionData == null || subscriptionData.isClassFilterMode()
            || subscriptionData.getTagsSet() == null || subscriptionData.getTagsSet().isEmpty()) {
            return msgs;
        }
        List<MessageExt> kept = new ArrayList<>(msgs.size());
        for (MessageExt msg : msgs) {
            if (msg.getTags() != null && subscriptionData.getTagsSet().contains(msg.getTags())) {
                kept.add(msg);
            }
        }
        return kept;
    }

    public void updatePullFromWhichNode(MessageQueue mq, long brokerId) {
        AtomicLong suggest = pullFromWhichNodeTable.putIfAbsent(mq, new AtomicLong(brokerId));
        if (suggest != null) {
            suggest.set(brokerId);
        }
    }

    /** The broker id to pull {@code mq} from: the user's choice, else the broker's last suggestion, else master. */
    public long recalculatePullFromWhichNode(MessageQueue mq) {
        if (connectBrokerByUser) {
            return defaultBrokerId;
        }
        AtomicLong suggest = pullFromWhichNodeTable.get(mq);
        return suggest == null ? MixAll.MASTER_ID : suggest.get();
    }

    /**
     * Sends one pull.
     *
     * @return the result for SYNC, null for ASYNC (the callback receives it)
     */
    public PullResult pullKernelImpl(MessageQueue mq, String subExpression, String expressionType, long subVersion,
        long offset, int maxNums, int sysFlag, long commitOffset, long brokerSuspendMaxTimeMillis,
        long timeoutMillis, CommunicationMode communicationMode, PullCallback pullCallback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        FindBrokerResult broker = routes.findBrokerAddressInSubscribe(mq.getBrokerName(),
            recalculatePullFromWhichNode(mq), false);
        if (broker == null) {
            routes.updateTopicRouteInfoFromNameServer(mq.getTopic());
            broker = routes.findBrokerAddressInSubscribe(mq.getBrokerName(),
                recalculatePullFromWhichNode(mq), false);
        }
        if (broker == null) {
            throw new MQClientException("The broker " + mq.getBrokerName() + " of " + mq + " is unknown; is it"
                + " registered with the name server? (mqadmin clusterList)", null);
        }
        if (PullSysFlag.hasClassFilterFlag(sysFlag)) {
            throw new MQClientException("Class filter pulls are not supported; use a tag or SQL92 expression", null);
        }
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup(consumerGroup);
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setQueueOffset(offset);
        header.setMaxMsgNums(maxNums);
        // A slave cannot store offsets: never ask it to.
        header.setSysFlag(broker.isSlave() ? PullSysFlag.clearCommitOffsetFlag(sysFlag) : sysFlag);
        header.setCommitOffset(commitOffset);
        header.setSuspendTimeoutMillis(brokerSuspendMaxTimeMillis);
        header.setSubscription(subExpression);
        header.setSubVersion(subVersion);
        header.setExpressionType(expressionType);
        header.setBname(mq.getBrokerName());
        return api.pullMessage(broker.getBrokerAddr(), header, timeoutMillis,
            communicationMode, pullCallback);
    }

    public boolean isConnectBrokerByUser() {
        return connectBrokerByUser;
    }

    public void setConnectBrokerByUser(boolean connectBrokerByUser) {
        this.connectBrokerByUser = connectBrokerByUser;
    }

    public long getDefaultBrokerId() {
        return defaultBrokerId;
    }

    public void setDefaultBrokerId(long defaultBrokerId) {
        this.defaultBrokerId = defaultBrokerId;
    }

    public boolean isUnitMode() {
        return unitMode;
    }
}
