package org.cometmq.broker.out;

import org.cometmq.common.protocol.body.ConsumerOffsetSerializeWrapper;
import org.cometmq.common.protocol.body.SubscriptionGroupWrapper;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.remoting.exception.RemotingException;

/** The four metadata reads a slave makes of its master (GET_ALL_* request codes 21, 43, 45 and 201). */
public interface MasterMetadataSource {

    TopicConfigSerializeWrapper getAllTopicConfig(String masterAddr) throws RemotingException, InterruptedException;

    ConsumerOffsetSerializeWrapper getAllConsumerOffset(String masterAddr) throws RemotingException, InterruptedException;

    String getAllDelayOffset(String masterAddr) throws RemotingException, InterruptedException;

    SubscriptionGroupWrapper getAllSubscriptionGroupConfig(String masterAddr)
        throws RemotingException, InterruptedException;
}
