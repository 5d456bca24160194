package org.cometmq.broker.client;

import io.netty.channel.Channel;
import java.util.function.Supplier;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import org.cometmq.remoting.RemotingServer;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Requests the broker sends to its clients over their own connections. */
public class Broker2Client {
    private static final Logger log = LoggerFactory.getLogger(Broker2Client.class);
    private static final long ONEWAY_TIMEOUT_MILLIS = 100;
    private static final long CALL_TIMEOUT_MILLIS = 10_000;

    private final Supplier<RemotingServer> remotingServer;

    /** @param remotingServer the broker's server, looked up per call (it is created after the client managers) */
    public Broker2Client(Supplier<RemotingServer> remotingServer) {
        this.remotingServer = remotingServer;
    }

    /** Tells a consumer that its group's membership changed, so it rebalances now (oneway). */
    public void notifyConsumerIdsChanged(Channel channel, String consumerGroup) {
        NotifyConsumerIdsChangedRequestHeader header = new NotifyConsumerIdsChangedRequestHeader();
        header.setConsumerGroup(consumerGroup);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, header);
        sendOneway(channel, request);
    }

    /** Sends a request the client must not answer; failures are logged, not thrown. */
    public void sendOneway(Channel channel, RemotingCommand request) {
        try {
            remotingServer.get().invokeOneway(channel, request, ONEWAY_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RemotingException | RuntimeException e) {
            log.warn("oneway request code {} to {} failed: {}", request.getCode(),
                RemotingHelper.parseChannelRemoteAddr(channel), e.toString());
        }
    }

    /** Sends a request to a client and waits for its answer. */
    public RemotingCommand callClient(Channel channel, RemotingCommand request)
        throws RemotingException, InterruptedException {
        return remotingServer.get().invokeSync(channel, request, CALL_TIMEOUT_MILLIS);
    }
}
