package org.cometmq.broker.processor;

import java.util.function.BooleanSupplier;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.PullMessageResponseHeader;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * Which node of a broker group a consumer should pull from next ({@code suggestWhichBrokerId}), and how a slave
 * with {@code slaveReadEnable=false} turns reads away. 4.9.7's slave serves them anyway and only steers the
 * consumer back; CometMQ does what the setting says: while a master is registered the consumer is sent back to it
 * at once (PULL_RETRY_IMMEDIATELY, offset unchanged), and without one the pull is refused (NO_PERMISSION, which
 * 4.9.7 and CometMQ clients retry after their 3 s back-off).
 */
final class PullNodeAdvisor {
    private PullNodeAdvisor() {
    }

    /**
     * As 4.9.7, on master and slave alike: with {@code slaveReadEnable}, a consumer that reads further behind than
     * the in-memory share of the commit log is sent to the group's {@code whichBrokerWhenConsumeSlowly}, any other
     * to the group's {@code brokerId} (the master by default); without it, always the master.
     */
    static long suggest(boolean slaveReadEnable, boolean consumerFallsBehind, SubscriptionGroupConfig group) {
        if (!slaveReadEnable) {
            return 0L;
        }
        return consumerFallsBehind ? group.getWhichBrokerWhenConsumeSlowly() : group.getBrokerId();
    }

    /**
     * The answer of a slave that does not serve reads.
     *
     * @param masterRegistered whether the name servers know a live master of this broker
     */
    static RemotingCommand refuseSlaveRead(RemotingCommand response, String brokerName, long requestOffset,
                                           long minOffset, long maxOffset, SubscriptionGroupConfig group,
                                           BooleanSupplier masterRegistered) {
        if (!masterRegistered.getAsBoolean()) {
            response.setCode(ResponseCode.NO_PERMISSION);
            response.setRemark("the slave of broker[" + brokerName + "] does not serve reads (slaveReadEnable=false)"
                + " and no master of it is registered");
            return response;
        }
        PullMessageResponseHeader header = (PullMessageResponseHeader) response.readCustomHeader();
        header.setSuggestWhichBrokerId(MixAll.MASTER_ID);
        header.setNextBeginOffset(requestOffset);
        header.setMinOffset(minOffset);
        header.setMaxOffset(maxOffset);
        response.setCode(ResponseCode.PULL_RETRY_IMMEDIATELY);
        response.setRemark("the slave does not serve reads (slaveReadEnable=false): pull from the master");
        return response;
    }
}
