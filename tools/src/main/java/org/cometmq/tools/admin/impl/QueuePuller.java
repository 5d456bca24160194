package org.cometmq.tools.admin.impl;

import java.util.Set;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.client.impl.consumer.PullAPIWrapper;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.MixAll;
import org.cometmq.common.filter.FilterAPI;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.sysflag.PullSysFlag;
import org.cometmq.remoting.exception.RemotingException;

/**
 * Reads messages from a given queue and offset for the message tools (printMsg, queryMsgByOffset,
 * consumeMessage), as group TOOLS_CONSUMER unless told another: one PULL_MESSAGE per call, never held by the
 * broker, never committing an offset. Works over the client instance of a started admin.
 */
public class QueuePuller {
    private final MQClientInstance clientInstance;
    private final PullAPIWrapper pullAPIWrapper;
    private final long timeoutMillis;

    public QueuePuller(MQClientInstance clientInstance, long timeoutMillis) {
        this(clientInstance, MixAll.TOOLS_CONSUMER_GROUP, timeoutMillis);
    }

    private QueuePuller(MQClientInstance clientInstance, String consumerGroup, long timeoutMillis) {
        this.clientInstance = clientInstance;
        this.pullAPIWrapper = new PullAPIWrapper(clientInstance.routes(), clientInstance.getMQClientAPIImpl(),
            consumerGroup, false);
        this.timeoutMillis = timeoutMillis;
    }

    /** A puller over the same connections whose requests name {@code consumerGroup} instead of TOOLS_CONSUMER. */
    public QueuePuller asGroup(String consumerGroup) {
        return new QueuePuller(clientInstance, consumerGroup, timeoutMillis);
    }

    /** Every readable queue of {@code topic}. */
    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        return clientInstance.getMQAdminImpl().fetchSubscribeMessageQueues(topic);
    }

    /**
     * Up to {@code maxNums} messages of {@code mq} from {@code offset} whose tag matches {@code subExpression}
     * ({@code *} or {@code TagA || TagB}); the result tells the next offset to read from.
     */
    public PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        SubscriptionData subscription = FilterAPI.buildSubscriptionData(mq.getTopic(), subExpression);
        int sysFlag = PullSysFlag.buildSysFlag(false, false, true, false);
        PullResult result = pullAPIWrapper.pullKernelImpl(mq, subscription.getSubString(),
            subscription.getExpressionType(), 0, offset, maxNums, sysFlag, 0, 0, timeoutMillis,
            CommunicationMode.SYNC, null);
        return pullAPIWrapper.processPullResult(mq, result, subscription);
    }
}
