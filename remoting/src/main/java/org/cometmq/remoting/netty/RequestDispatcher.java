package org.cometmq.remoting.netty;

import io.netty.channel.ChannelHandlerContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.RequestObserver;
import org.cometmq.remoting.common.Pair;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSysResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves incoming requests (on servers, and on clients for broker callbacks): picks the processor registered for
 * the code (or the default one), runs it on its executor between the RPC hooks, and writes the response.
 * Framework errors (busy, unsupported code, processor exception) are answered in the request's serialize type
 * with its opaque; a oneway request is never answered.
 */
final class RequestDispatcher {
    static final String REMARK_OVERLOAD = "[OVERLOAD]system busy, start flow control for a while";
    static final String REMARK_REJECT = "[REJECTREQUEST]system busy, start flow control for a while";
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);
    private static final long OVERLOAD_LOG_INTERVAL_MILLIS = 10_000;

    private final Map<Integer, Pair<NettyRequestProcessor, ExecutorService>> processorTable = new ConcurrentHashMap<>(64);
    private final List<RPCHook> rpcHooks = new CopyOnWriteArrayList<>();
    private final AtomicLong lastOverloadLog = new AtomicLong(0);
    private volatile Pair<NettyRequestProcessor, ExecutorService> defaultProcessor;
    private volatile RequestObserver observer;

    void registerProcessor(int requestCode, NettyRequestProcessor processor, ExecutorService executor) {
        processorTable.put(requestCode, new Pair<>(processor, executor));
    }

    void registerDefaultProcessor(NettyRequestProcessor processor, ExecutorService executor) {
        defaultProcessor = new Pair<>(processor, executor);
    }

    void setRequestObserver(RequestObserver observer) {
        this.observer = observer;
    }

    Pair<NettyRequestProcessor, ExecutorService> getProcessorPair(int requestCode) {
        return processorTable.get(requestCode);
    }

    void registerRPCHook(RPCHook hook) {
        if (hook != null && !rpcHooks.contains(hook)) {
            rpcHooks.add(hook);
        }
    }

    List<RPCHook> getRPCHooks() {
        return rpcHooks;
    }

    void doBeforeRpcHooks(String addr, RemotingCommand request) {
        for (RPCHook hook : rpcHooks) {
            hook.doBeforeRequest(addr, request);
        }
    }

    void doAfterRpcHooks(String addr, RemotingCommand request, RemotingCommand response) {
        for (RPCHook hook : rpcHooks) {
            hook.doAfterResponse(addr, request, response);
        }
    }

    /** Routes one request; called on a codec thread, so the processor itself always runs on its executor. */
    void dispatch(ChannelHandlerContext ctx, RemotingCommand request) {
        Pair<NettyRequestProcessor, ExecutorService> pair = processorTable.getOrDefault(request.getCode(), defaultProcessor);
        if (pair == null) {
            log.warn("{} sent request code {} which has no processor", RemotingHelper.parseChannelRemoteAddr(ctx.channel()),
                request.getCode());
            reply(ctx, request, RemotingCommand.createResponseCommand(RemotingSysResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported"));
            return;
        }
        NettyRequestProcessor processor = pair.getObject1();
        if (processor.rejectRequest()) {
            reply(ctx, request, RemotingCommand.createResponseCommand(RemotingSysResponseCode.SYSTEM_BUSY, REMARK_REJECT));
            return;
        }
        ChannelReadGate gate = ChannelReadGate.of(ctx.channel());
        gate.admit(() -> handOver(ctx, request, pair.getObject2(), processor, gate));
    }

    private void handOver(ChannelHandlerContext ctx, RemotingCommand request, ExecutorService executor,
                          NettyRequestProcessor processor, ChannelReadGate gate) {
        try {
            long arrivedNanos = observer == null ? 0 : System.nanoTime();
            executor.execute(new RequestTask(() -> process(ctx, request, processor, arrivedNanos), ctx, request,
                gate::done));
        } catch (RejectedExecutionException e) {
            gate.done();
            logOverload(ctx, request, e);
            reply(ctx, request, RemotingCommand.createResponseCommand(RemotingSysResponseCode.SYSTEM_BUSY, REMARK_OVERLOAD));
        }
    }

    private void process(ChannelHandlerContext ctx, RemotingCommand request, NettyRequestProcessor processor,
                         long arrivedNanos) {
        String remoteAddr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
        try {
            doBeforeRpcHooks(remoteAddr, request);
            if (processor instanceof AsyncNettyRequestProcessor) {
                ((AsyncNettyRequestProcessor) processor).asyncProcessRequest(ctx, request,
                    response -> complete(ctx, request, remoteAddr, response, arrivedNanos));
            } else {
                RemotingCommand response = processor.processRequest(ctx, request);
                doAfterRpcHooks(remoteAddr, request, response);
                if (response != null) {
                    reply(ctx, request, response);
                    observe(request, response, arrivedNanos);
                }
            }
        } catch (Throwable e) {
            failed(ctx, request, remoteAddr, e);
        }
    }

    private void complete(ChannelHandlerContext ctx, RemotingCommand request, String remoteAddr, RemotingCommand response,
                          long arrivedNanos) {
        try {
            doAfterRpcHooks(remoteAddr, request, response);
            if (response != null) {
                reply(ctx, request, response);
                observe(request, response, arrivedNanos);
            }
        } catch (Throwable e) {
            failed(ctx, request, remoteAddr, e);
        }
    }

    private void failed(ChannelHandlerContext ctx, RemotingCommand request, String remoteAddr, Throwable e) {
        log.warn("processing request code {} opaque {} from {} failed", request.getCode(), request.getOpaque(), remoteAddr, e);
        reply(ctx, request, RemotingCommand.createResponseCommand(RemotingSysResponseCode.SYSTEM_ERROR,
            RemotingHelper.exceptionSimpleDesc(e)));
    }

    /** Oneway requests get no response and are not reported; a failing observer never fails the request. */
    private void observe(RemotingCommand request, RemotingCommand response, long arrivedNanos) {
        RequestObserver current = observer;
        if (current == null || arrivedNanos == 0 || request.isOnewayRPC()) {
            return;
        }
        try {
            current.onResponse(request.getCode(), response.getCode(), System.nanoTime() - arrivedNanos);
        } catch (RuntimeException e) {
            log.warn("request observer failed for code {}", request.getCode(), e);
        }
    }

    private static void reply(ChannelHandlerContext ctx, RemotingCommand request, RemotingCommand response) {
        Replies.reply(ctx.channel(), request, response);
    }

    private void logOverload(ChannelHandlerContext ctx, RemotingCommand request, RejectedExecutionException e) {
        long now = System.currentTimeMillis();
        long last = lastOverloadLog.get();
        if (now - last >= OVERLOAD_LOG_INTERVAL_MILLIS && lastOverloadLog.compareAndSet(last, now)) {
            log.warn("executor for request code {} is full, answering SYSTEM_BUSY to {} (logged at most every {} ms): {}",
                request.getCode(), RemotingHelper.parseChannelRemoteAddr(ctx.channel()), OVERLOAD_LOG_INTERVAL_MILLIS,
                e.toString());
        }
    }
}
