package org.cometmq.tools.admin.impl;

import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.MQAdminImpl;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.QueryConsumeQueueResponseBody;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.exception.RemotingSendRequestException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Housekeeping requests to brokers: file cleaning triggers (per broker or for a whole cluster), consume queue
 * inspection and the resumption of transaction check-backs.
 */
public class BrokerMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerMaintenance.class);

    private final BrokerAdminCalls broker;
    private final NamesrvAdminCalls namesrv;
    private final MQAdminImpl adminImpl;

    public BrokerMaintenance(BrokerAdminCalls broker, NamesrvAdminCalls namesrv, MQAdminImpl adminImpl) {
        this.broker = broker;
        this.namesrv = namesrv;
        this.adminImpl = adminImpl;
    }

    /**
     * Sends {@code code} (CLEAN_EXPIRED_CONSUMEQUEUE, CLEAN_UNUSED_TOPIC, DELETE_EXPIRED_COMMITLOG) to every
     * broker of {@code cluster}, or of every cluster when it is blank; true when all of them agreed.
     */
    public boolean triggerInCluster(String cluster, int code) throws RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQClientException, InterruptedException {
        ClusterInfo clusterInfo;
        try {
            clusterInfo = namesrv.getBrokerClusterInfo();
        } catch (MQBrokerException e) {
            throw AdminErrors.clientError(e);
        }
        String[] clusters = UtilAll.isBlank(cluster) ? clusterInfo.retrieveAllClusterNames() : new String[] {cluster};
        boolean allAgreed = true;
        for (String name : clusters) {
            for (String addr : clusterInfo.retrieveAllAddrByCluster(name)) {
                allAgreed &= trigger(addr, code);
            }
        }
        return allAgreed;
    }

    public boolean trigger(String addr, int code) throws RemotingConnectException, RemotingSendRequestException,
        RemotingTimeoutException, MQClientException, InterruptedException {
        try {
            return broker.trigger(addr, code);
        } catch (MQBrokerException e) {
            throw AdminErrors.clientError(e);
        }
    }

    public QueryConsumeQueueResponseBody queryConsumeQueue(String brokerAddr, String topic, int queueId, long index,
        int count, String consumerGroup) throws InterruptedException, RemotingTimeoutException,
        RemotingSendRequestException, RemotingConnectException, MQClientException {
        try {
            return broker.queryConsumeQueue(brokerAddr, topic, queueId, index, count, consumerGroup);
        } catch (MQBrokerException e) {
            throw AdminErrors.clientError(e);
        }
    }

    /** Asks the broker storing the half message {@code msgId} (an offset id) to check it back again. */
    public boolean resumeCheckHalfMessage(String msgId)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        return resumeCheck(adminImpl.viewMessage(msgId), msgId);
    }

    /** As above for an id that may be the client id (UNIQ_KEY) of a message of {@code topic}. */
    public boolean resumeCheckHalfMessage(String topic, String msgId)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        MessageExt msg = adminImpl.viewMessage(topic, msgId);
        boolean hasClientId = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX) != null;
        return resumeCheck(msg, hasClientId ? ConsumerAdmin.offsetMsgIdOf(msg) : msgId);
    }

    private boolean resumeCheck(MessageExt msg, String offsetMsgId) throws RemotingException, InterruptedException {
        try {
            return broker.resumeCheckHalfMessage(ConsumerAdmin.storeHostOf(msg), offsetMsgId);
        } catch (MQBrokerException e) {
            LOG.warn("resume check of half message {} refused: {}", offsetMsgId, e.getErrorMessage());
            return false;
        }
    }
}
