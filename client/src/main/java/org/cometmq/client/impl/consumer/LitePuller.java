package org.cometmq.client.impl.consumer;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.cometmq.client.consumer.DefaultLitePullConsumer;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.common.filter.ExpressionType;
import org.cometmq.common.filter.FilterAPI;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.sysflag.PullSysFlag;

/**
 * The pulls of a lite pull consumer: where a queue's next pull starts (a pending seek, the last pull's end, or
 * the consumer's start offset), the filter of its topic, and one long-polling pull.
 */
final class LitePuller {
    private final DefaultLitePullConsumer settings;
    private final AssignedMessageQueue assigned;
    private final RebalanceImpl rebalance;
    private final Map<String, String> assignSubExpressions;
    private final BooleanSupplier subscribeMode;
    private final ConsumeMessageHooks hooks;
    private final Supplier<PullAPIWrapper> pullApi;

    /**
     * @param assignSubExpressions assign mode: the tag expression per topic; "*" when absent
     * @param subscribeMode        whether the consumer subscribes (filters come from the rebalance) or assigns
     * @param pullApi              the pull API, made when the consumer starts
     */
    LitePuller(DefaultLitePullConsumer settings, AssignedMessageQueue assigned, RebalanceImpl rebalance,
               Map<String, String> assignSubExpressions, BooleanSupplier subscribeMode, ConsumeMessageHooks hooks,
               Supplier<PullAPIWrapper> pullApi) {
        this.settings = settings;
        this.assigned = assigned;
        this.rebalance = rebalance;
        this.assignSubExpressions = assignSubExpressions;
        this.subscribeMode = subscribeMode;
        this.hooks = hooks;
        this.pullApi = pullApi;
    }

    /**
     * The pending seek of {@code mq}, cleared and made the position poll commits from; -1 when none is pending.
     * Called under the queue's lock.
     */
    long takeSeekOffset(MessageQueue mq) {
        long seekOffset = assigned.getSeekOffset(mq);
        if (seekOffset != -1) {
            assigned.updateConsumeOffset(mq, seekOffset);
            assigned.setSeekOffset(mq, -1);
        }
        return seekOffset;
    }

    /** Where the next pull of {@code mq} starts when no seek is pending: the last pull's end, or the start offset. */
    long nextPullOffset(MessageQueue mq) throws MQClientException {
        long offset = assigned.getPullOffset(mq);
        return offset == -1 ? rebalance.computePullFromWhereWithException(mq) : offset;
    }

    SubscriptionData subscriptionOf(String topic) {
        if (subscribeMode.getAsBoolean()) {
            SubscriptionData sd = rebalance.getSubscriptionInner().get(topic);
            if (sd != null) {
                return sd;
            }
        }
        return FilterAPI.buildSubscriptionData(topic, assignSubExpressions.getOrDefault(topic, SubscriptionData.SUB_ALL));
    }

    /** One long-polling pull of {@code mq}, decoded and filtered. */
    PullResult pullSync(MessageQueue mq, SubscriptionData sd, long offset, int maxNums) throws Exception {
        int sysFlag = PullSysFlag.buildSysFlag(false, true, true, false, true);
        boolean tagType = ExpressionType.isTagType(sd.getExpressionType());
        PullAPIWrapper api = pullApi.get();
        PullResult result = api.pullKernelImpl(mq, sd.getSubString(), sd.getExpressionType(),
            tagType ? 0L : sd.getSubVersion(), offset, maxNums, sysFlag, 0, settings.getBrokerSuspendMaxTimeMillis(),
            settings.getConsumerTimeoutMillisWhenSuspend(), CommunicationMode.SYNC, null);
        api.processPullResult(mq, result, sd);
        hooks.aroundPull(settings.getNamespace(), settings.getConsumerGroup(), mq, result, settings.getAccessChannel());
        return result;
    }
}
