package org.cometmq.client.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.cometmq.remoting.InvokeCallback;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.RemotingClient;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.netty.ResponseFuture;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * A scripted remoting client: each address (null = name server, keyed "NS") has a handler that answers or throws;
 * every request is recorded as it would travel (encoded and decoded again). Async calls complete on the caller's
 * thread; an address without handler refuses connections.
 */
public class FakeRemotingClient implements RemotingClient {
    /** Answers one request or throws. */
    public interface Handler {
        RemotingCommand answer(RemotingCommand request) throws Exception;
    }

    public static final String NAME_SERVER = "NS";

    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<RemotingCommand> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, NettyRequestProcessor> processors = new ConcurrentHashMap<>();
    private List<String> nameServers = List.of("127.0.0.1:9876");

    public FakeRemotingClient on(String addr, Handler handler) {
        handlers.put(addr == null ? NAME_SERVER : addr, handler);
        return this;
    }

    /** Every call as {@code addr#code}, in order (addr NS for name-server calls). */
    public List<String> calls() {
        synchronized (calls) {
            return new ArrayList<>(calls);
        }
    }

    public List<RemotingCommand> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    public RemotingCommand lastRequest(int code) {
        List<RemotingCommand> all = requests();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).getCode() == code) {
                return all.get(i);
            }
        }
        return null;
    }

    public NettyRequestProcessor processor(int code) {
        return processors.get(code);
    }

    private RemotingCommand handle(String addr, RemotingCommand request) throws Exception {
        String key = addr == null ? NAME_SERVER : addr;
        calls.add(key + "#" + request.getCode());
        requests.add(MQClientAPIImplTest.wire(request));
        Handler handler = handlers.get(key);
        if (handler == null) {
            throw new RemotingConnectException(key);
        }
        return handler.answer(request);
    }

    @Override
    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, org.cometmq.remoting.exception.RemotingConnectException,
        org.cometmq.remoting.exception.RemotingSendRequestException,
        org.cometmq.remoting.exception.RemotingTimeoutException {
        try {
            return handle(addr, request);
        } catch (RemotingConnectException e) {
            throw e;
        } catch (org.cometmq.remoting.exception.RemotingSendRequestException e) {
            throw e;
        } catch (org.cometmq.remoting.exception.RemotingTimeoutException e) {
            throw e;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void invokeAsync(String addr, RemotingCommand request, long timeoutMillis, InvokeCallback callback)
        throws InterruptedException, RemotingConnectException {
        ResponseFuture future = new ResponseFuture(null, request.getOpaque(), timeoutMillis, callback, null);
        try {
            future.setResponseCommand(handle(addr, request));
        } catch (RemotingConnectException e) {
            throw e;
        } catch (RemotingException e) {
            future.setSendRequestOK(false);
            future.setCause(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        callback.operationComplete(future);
    }

    @Override
    public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis) {
        String key = addr == null ? NAME_SERVER : addr;
        calls.add(key + "#" + request.getCode());
        requests.add(MQClientAPIImplTest.wire(request));
    }

    @Override
    public void registerProcessor(int requestCode, NettyRequestProcessor processor, ExecutorService executor) {
        processors.put(requestCode, processor);
    }

    @Override
    public void updateNameServerAddressList(List<String> addrs) {
        nameServers = addrs;
    }

    @Override
    public List<String> getNameServerAddressList() {
        return nameServers;
    }

    @Override
    public void setCallbackExecutor(ExecutorService callbackExecutor) {
    }

    @Override
    public ExecutorService getCallbackExecutor() {
        return null;
    }

    @Override
    public boolean isChannelWritable(String addr) {
        return true;
    }

    @Override
    public void closeChannels(List<String> addrs) {
    }

    @Override
    public void start() {
    }

    @Override
    public void shutdown() {
    }

    @Override
    public void registerRPCHook(RPCHook rpcHook) {
    }
}
