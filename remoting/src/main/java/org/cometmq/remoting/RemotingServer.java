package org.cometmq.remoting;

import io.netty.channel.Channel;
import java.util.concurrent.ExecutorService;
import org.cometmq.remoting.common.Pair;
import org.cometmq.remoting.exception.RemotingSendRequestException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.cometmq.remoting.exception.RemotingTooMuchRequestException;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;

/** Accepts connections and serves requests with processors registered per request code. */
public interface RemotingServer extends RemotingService {

    /** Serves {@code requestCode} with {@code processor} on {@code executor} (the public executor when null). */
    void registerProcessor(int requestCode, NettyRequestProcessor processor, ExecutorService executor);

    /** Serves every code that has no processor of its own. */
    void registerDefaultProcessor(NettyRequestProcessor processor, ExecutorService executor);

    /**
     * Reports each answered request to {@code observer} (null: none). Requests answered later by their processor
     * (a held pull) and oneway requests are not reported.
     */
    void setRequestObserver(RequestObserver observer);

    /** The bound port; the real one when the configured port was 0. -1 before start. */
    int localListenPort();

    /** The processor and executor serving {@code requestCode}, or null. */
    Pair<NettyRequestProcessor, ExecutorService> getProcessorPair(int requestCode);

    /** Sends a request to a connected peer and waits for its response. */
    RemotingCommand invokeSync(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingSendRequestException, RemotingTimeoutException;

    /** Sends a request to a connected peer; {@code invokeCallback} runs when it completes. */
    void invokeAsync(Channel channel, RemotingCommand request, long timeoutMillis, InvokeCallback invokeCallback)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException;

    /** Sends a request that the peer must not answer. */
    void invokeOneway(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException;
}
