package org.cometmq.broker.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.PullMessageResponseHeader;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;

class PullNodeAdvisorTest {

    private static SubscriptionGroupConfig group(long brokerId, long whenSlow) {
        SubscriptionGroupConfig group = new SubscriptionGroupConfig();
        group.setGroupName("g");
        group.setBrokerId(brokerId);
        group.setWhichBrokerWhenConsumeSlowly(whenSlow);
        return group;
    }

    @Test
    void withoutSlaveReadEnableAlwaysTheMaster() {
        assertEquals(0, PullNodeAdvisor.suggest(false, true, group(0, 1)));
        assertEquals(0, PullNodeAdvisor.suggest(false, false, group(3, 1)));
    }

    @Test
    void aConsumerFallingBehindIsSentToWhichBrokerWhenConsumeSlowly() {
        assertEquals(1, PullNodeAdvisor.suggest(true, true, new SubscriptionGroupConfig()), "4.9.7 default is 1");
        assertEquals(2, PullNodeAdvisor.suggest(true, true, group(0, 2)));
    }

    @Test
    void aConsumerThatCaughtUpIsSentBackToTheGroupsBrokerId() {
        assertEquals(0, PullNodeAdvisor.suggest(true, false, new SubscriptionGroupConfig()));
        assertEquals(3, PullNodeAdvisor.suggest(true, false, group(3, 1)));
    }

    @Test
    void aSlaveThatDoesNotServeReadsSendsTheConsumerBackToALiveMasterWithoutMovingItsOffset() {
        RemotingCommand response = RemotingCommand.createResponseCommand(PullMessageResponseHeader.class);
        PullNodeAdvisor.refuseSlaveRead(response, "broker-a", 17, 2, 40, group(0, 1), () -> true);
        PullMessageResponseHeader header = (PullMessageResponseHeader) response.readCustomHeader();
        assertEquals(ResponseCode.PULL_RETRY_IMMEDIATELY, response.getCode());
        assertEquals(0L, header.getSuggestWhichBrokerId());
        assertEquals(17L, header.getNextBeginOffset());
        assertEquals(2L, header.getMinOffset());
        assertEquals(40L, header.getMaxOffset());
    }

    @Test
    void aSlaveThatDoesNotServeReadsRefusesThemWhenNoMasterIsRegistered() {
        RemotingCommand response = RemotingCommand.createResponseCommand(PullMessageResponseHeader.class);
        PullNodeAdvisor.refuseSlaveRead(response, "broker-a", 17, 2, 40, group(0, 1), () -> false);
        assertEquals(ResponseCode.NO_PERMISSION, response.getCode());
        assertTrue(response.getRemark().contains("slaveReadEnable=false"), response.getRemark());
        assertTrue(response.getRemark().contains("broker-a"), response.getRemark());
    }
}
