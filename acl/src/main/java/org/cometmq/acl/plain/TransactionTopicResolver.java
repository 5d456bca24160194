package org.cometmq.acl.plain;

import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * Finds the topic an END_TRANSACTION request commits to (the header names only the half message's commit-log
 * offset), so the producer's PUB permission on that topic can be checked. The broker supplies it.
 */
public interface TransactionTopicResolver {

    /** The real topic of the half message, or null when it cannot be found. */
    String topicOf(RemotingCommand endTransactionRequest);
}
