package org.cometmq.remoting.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.cometmq.remoting.ChannelEventListener;
import org.cometmq.remoting.InvokeCallback;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.RequestObserver;
import org.cometmq.remoting.common.Pair;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.common.SemaphoreReleaseOnlyOnce;
import org.cometmq.remoting.exception.RemotingSendRequestException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.cometmq.remoting.exception.RemotingTooMuchRequestException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machinery shared by server and client: the response table (opaque to {@link ResponseFuture}) with its
 * timeout scan, sync/async/oneway invocation over a channel with permit limits, request dispatch to processors,
 * RPC hooks and connection events.
 */
public abstract class NettyRemotingAbstract {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);

    /** Permits for oneway requests in flight. */
    protected final Semaphore semaphoreOneway;
    /** Permits for async requests in flight. */
    protected final Semaphore semaphoreAsync;
    /** Outstanding requests by opaque. */
    protected final ConcurrentHashMap<Integer, ResponseFuture> responseTable = new ConcurrentHashMap<>(256);
    final RequestDispatcher dispatcher = new RequestDispatcher();
    private final NettyEventExecutor nettyEventExecutor;

    protected NettyRemotingAbstract(int permitsOneway, int permitsAsync, ChannelEventListener listener, String eventThreadName) {
        this.semaphoreOneway = new Semaphore(permitsOneway, true);
        this.semaphoreAsync = new Semaphore(permitsAsync, true);
        this.nettyEventExecutor = listener == null ? null : new NettyEventExecutor(eventThreadName, listener);
    }

    /** Executor for async callbacks; null runs them on the thread that completes the request. */
    public abstract ExecutorService getCallbackExecutor();

    /** Executor used when a processor is registered without one. */
    protected abstract ExecutorService getPublicExecutor();

    protected void startEventExecutor() {
        if (nettyEventExecutor != null) {
            nettyEventExecutor.start();
        }
    }

    protected void shutdownEventExecutor() {
        if (nettyEventExecutor != null) {
            nettyEventExecutor.shutdown();
        }
    }

    /** Queues a connection event for the listener thread; no-op without a listener. */
    public void putNettyEvent(NettyEvent event) {
        if (nettyEventExecutor != null) {
            nettyEventExecutor.putNettyEvent(event);
        }
    }

    public void registerRPCHook(RPCHook rpcHook) {
        dispatcher.registerRPCHook(rpcHook);
    }

    public void setRequestObserver(RequestObserver observer) {
        dispatcher.setRequestObserver(observer);
    }

    public List<RPCHook> getRPCHooks() {
        return dispatcher.getRPCHooks();
    }

    protected void doBeforeRpcHooks(String addr, RemotingCommand request) {
        dispatcher.doBeforeRpcHooks(addr, request);
    }

    protected void doAfterRpcHooks(String addr, RemotingCommand request, RemotingCommand response) {
        dispatcher.doAfterRpcHooks(addr, request, response);
    }

    public void registerProcessor(int requestCode, NettyRequestProcessor processor, ExecutorService executor) {
        dispatcher.registerProcessor(requestCode, processor, executor == null ? getPublicExecutor() : executor);
    }

    public void registerDefaultProcessor(NettyRequestProcessor processor, ExecutorService executor) {
        dispatcher.registerDefaultProcessor(processor, executor == null ? getPublicExecutor() : executor);
    }

    public Pair<NettyRequestProcessor, ExecutorService> getProcessorPair(int requestCode) {
        return dispatcher.getProcessorPair(requestCode);
    }

    /** Entry point of the inbound handler: a response completes its future, a request goes to its processor. */
    public void processMessageReceived(ChannelHandlerContext ctx, RemotingCommand cmd) {
        if (cmd == null) {
            return;
        }
        if (cmd.isResponseType()) {
            processResponseCommand(ctx, cmd);
        } else {
            dispatcher.dispatch(ctx, cmd);
        }
    }

    public void processResponseCommand(ChannelHandlerContext ctx, RemotingCommand cmd) {
        ResponseFuture future = responseTable.remove(cmd.getOpaque());
        if (future == null) {
            log.warn("response opaque {} code {} from {} matches no outstanding request (timed out already?), dropped",
                cmd.getOpaque(), cmd.getCode(), RemotingHelper.parseChannelRemoteAddr(ctx.channel()));
            return;
        }
        future.setResponseCommand(cmd);
        future.release();
        if (future.getInvokeCallback() != null) {
            executeInvokeCallback(future);
        } else {
            future.putResponse(cmd);
        }
    }

    /** Runs the callback on the callback executor (or here when there is none, or it refuses). */
    protected void executeInvokeCallback(ResponseFuture future) {
        ExecutorService executor = getCallbackExecutor();
        if (executor != null) {
            try {
                executor.execute(() -> runCallback(future));
                return;
            } catch (RejectedExecutionException e) {
                log.warn("callback executor refused the callback of opaque {}, running it on {}", future.getOpaque(),
                    Thread.currentThread().getName());
            }
        }
        runCallback(future);
    }

    private static void runCallback(ResponseFuture future) {
        try {
            future.executeInvokeCallback();
        } catch (Throwable e) {
            log.warn("invoke callback of opaque {} threw", future.getOpaque(), e);
        } finally {
            future.release();
        }
    }

    /** Fails async requests whose time is up; their callbacks see no response and a RemotingTimeoutException cause. */
    public void scanResponseTable() {
        List<ResponseFuture> expired = new ArrayList<>();
        Iterator<Map.Entry<Integer, ResponseFuture>> it = responseTable.entrySet().iterator();
        while (it.hasNext()) {
            ResponseFuture future = it.next().getValue();
            if (future.getInvokeCallback() != null && future.isTimeout() && responseTable.remove(future.getOpaque(), future)) {
                future.release();
                future.setCause(new RemotingTimeoutException(RemotingHelper.parseChannelRemoteAddr(future.getProcessChannel()),
                    future.getTimeoutMillis()));
                expired.add(future);
            }
        }
        for (ResponseFuture future : expired) {
            log.warn("async request opaque {} to {} timed out after {} ms", future.getOpaque(),
                RemotingHelper.parseChannelRemoteAddr(future.getProcessChannel()), future.getTimeoutMillis());
            executeInvokeCallback(future);
        }
    }

    /** Fails at once every request still waiting on a channel that just closed. */
    protected void failFast(Channel channel) {
        for (ResponseFuture future : responseTable.values()) {
            if (future.getProcessChannel() == channel) {
                requestFail(future, new RemotingSendRequestException(RemotingHelper.parseChannelRemoteAddr(channel),
                    new IllegalStateException("connection closed before the response arrived")));
            }
        }
    }

    private void requestFail(ResponseFuture future, Throwable cause) {
        if (!responseTable.remove(future.getOpaque(), future)) {
            return;
        }
        future.setSendRequestOK(false);
        future.setCause(cause);
        future.putResponse(null);
        if (future.getInvokeCallback() != null) {
            executeInvokeCallback(future);
        } else {
            future.release();
        }
    }

    public RemotingCommand invokeSyncImpl(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingSendRequestException, RemotingTimeoutException {
        int opaque = request.getOpaque();
        String addr = RemotingHelper.parseChannelRemoteAddr(channel);
        ResponseFuture future = new ResponseFuture(channel, opaque, timeoutMillis, null, null);
        responseTable.put(opaque, future);
        try {
            channel.writeAndFlush(request).addListener(f -> {
                if (!f.isSuccess()) {
                    requestFail(future, f.cause());
                    log.warn("sending request code {} opaque {} to {} failed: {}", request.getCode(), opaque, addr,
                        String.valueOf(f.cause()));
                }
            });
            RemotingCommand response = future.waitResponse(timeoutMillis);
            if (response == null) {
                if (future.isSendRequestOK()) {
                    throw new RemotingTimeoutException(addr, timeoutMillis, future.getCause());
                }
                throw new RemotingSendRequestException(addr, future.getCause());
            }
            return response;
        } finally {
            responseTable.remove(opaque, future);
        }
    }

    public void invokeAsyncImpl(Channel channel, RemotingCommand request, long timeoutMillis, InvokeCallback invokeCallback)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException {
        long begin = System.currentTimeMillis();
        SemaphoreReleaseOnlyOnce once = acquire(semaphoreAsync, timeoutMillis, "async");
        long remaining = timeoutMillis - (System.currentTimeMillis() - begin);
        if (remaining <= 0) {
            once.release();
            throw new RemotingTimeoutException("invokeAsync: the " + timeoutMillis + " ms timeout passed while waiting for a permit");
        }
        int opaque = request.getOpaque();
        ResponseFuture future = new ResponseFuture(channel, opaque, remaining, invokeCallback, once);
        responseTable.put(opaque, future);
        try {
            channel.writeAndFlush(request).addListener(f -> {
                if (!f.isSuccess()) {
                    log.warn("sending async request code {} opaque {} to {} failed: {}", request.getCode(), opaque,
                        RemotingHelper.parseChannelRemoteAddr(channel), String.valueOf(f.cause()));
                    requestFail(future, f.cause());
                }
            });
        } catch (RuntimeException e) {
            responseTable.remove(opaque, future);
            future.release();
            throw new RemotingSendRequestException(RemotingHelper.parseChannelRemoteAddr(channel), e);
        }
    }

    public void invokeOnewayImpl(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException {
        request.markOnewayRPC();
        SemaphoreReleaseOnlyOnce once = acquire(semaphoreOneway, timeoutMillis, "oneway");
        try {
            channel.writeAndFlush(request).addListener(f -> {
                once.release();
                if (!f.isSuccess()) {
                    log.warn("sending oneway request code {} to {} failed: {}", request.getCode(),
                        RemotingHelper.parseChannelRemoteAddr(channel), String.valueOf(f.cause()));
                }
            });
        } catch (RuntimeException e) {
            once.release();
            throw new RemotingSendRequestException(RemotingHelper.parseChannelRemoteAddr(channel), e);
        }
    }

    private static SemaphoreReleaseOnlyOnce acquire(Semaphore semaphore, long timeoutMillis, String kind)
        throws InterruptedException, RemotingTooMuchRequestException {
        if (!semaphore.tryAcquire(Math.max(timeoutMillis, 0), TimeUnit.MILLISECONDS)) {
            throw new RemotingTooMuchRequestException("too many " + kind + " requests in flight: no permit freed within "
                + timeoutMillis + " ms (queue length " + semaphore.getQueueLength() + ", available permits "
                + semaphore.availablePermits() + ")");
        }
        return new SemaphoreReleaseOnlyOnce(semaphore);
    }
}
