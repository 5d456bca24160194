package org.cometmq.broker.longpolling;

import io.netty.channel.Channel;
import org.cometmq.remoting.protocol.RemotingCommand;

/** Runs a held pull again, without holding it a second time, and answers it on its channel. */
public interface PullRequestWaker {

    void executeRequestWhenWakeup(Channel channel, RemotingCommand request);
}
