package org.cometmq.remoting;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingSendRequestException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.cometmq.remoting.exception.RemotingTooMuchRequestException;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * Sends requests to servers by address ("host:port"). A null address means "one of the name servers":
 * they are chosen round robin and the next one is tried when a connection fails.
 */
public interface RemotingClient extends RemotingService {

    void updateNameServerAddressList(List<String> addrs);

    List<String> getNameServerAddressList();

    RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException;

    void invokeAsync(String addr, RemotingCommand request, long timeoutMillis, InvokeCallback invokeCallback)
        throws InterruptedException, RemotingConnectException, RemotingTooMuchRequestException, RemotingTimeoutException,
        RemotingSendRequestException;

    void invokeOneway(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingConnectException, RemotingTooMuchRequestException, RemotingTimeoutException,
        RemotingSendRequestException;

    /** Serves requests that servers send to this client (broker callbacks such as CHECK_TRANSACTION_STATE). */
    void registerProcessor(int requestCode, NettyRequestProcessor processor, ExecutorService executor);

    /** Executor that runs async callbacks; the client's public executor when not set. */
    void setCallbackExecutor(ExecutorService callbackExecutor);

    ExecutorService getCallbackExecutor();

    /** False only when a connection to {@code addr} exists and its outbound buffer is above the high water mark. */
    boolean isChannelWritable(String addr);

    /** Closes the connections to the given addresses; the next invocation reconnects. */
    void closeChannels(List<String> addrs);
}
