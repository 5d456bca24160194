package org.cometmq.broker.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.cometmq.common.BrokerConfig;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.DeleteAccessConfigRequestHeader;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;

/** A broker with aclEnable=false answers the ACL codes as 4.9.7's does. */
class AclConfigProcessorWithoutAclTest {
    private final AclConfigProcessor processor = new AclConfigProcessor(null, new BrokerConfig(), () -> "127.0.0.1:1");

    @Test
    void theTwoReportsGoUnanswered() throws Exception {
        assertNull(processor.processRequest(null,
            RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_ACL_INFO, null)));
        assertNull(processor.processRequest(null,
            RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG, null)));
    }

    @Test
    void aChangeIsRefused() throws Exception {
        DeleteAccessConfigRequestHeader header = new DeleteAccessConfigRequestHeader();
        header.setAccessKey("someone");
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.DELETE_ACL_CONFIG, header);
        request.makeCustomHeaderToNet();
        RemotingCommand response = processor.processRequest(null, request);
        assertEquals(ResponseCode.DELETE_ACL_CONFIG_FAILED, response.getCode());
        assertEquals("ACL is not enabled on this broker: set aclEnable=true in the broker config",
            response.getRemark());
    }
}
