package org.cometmq.client.impl;

import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.InvokeCallback;
import org.cometmq.remoting.RemotingClient;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.cometmq.remoting.protocol.RemotingSysResponseCode;

/**
 * The one way the client sends a request: code + header + body become a command, and the response code becomes
 * either the response (when it is one the caller accepts, SUCCESS by default) or an {@link MQBrokerException}
 * carrying the code, remark and address. A null address means "a name server".
 */
public final class RpcInvoker {
    private static final int[] SUCCESS_ONLY = {RemotingSysResponseCode.SUCCESS};

    private final RemotingClient remotingClient;

    public RpcInvoker(RemotingClient remotingClient) {
        this.remotingClient = remotingClient;
    }

    /** A request command; {@code header} and {@code body} may be null. */
    public static RemotingCommand command(int code, CommandCustomHeader header, byte[] body) {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, header);
        request.setBody(body);
        return request;
    }

    /** Sends synchronously; returns the response when its code is in {@code acceptedCodes} (SUCCESS if empty). */
    public RemotingCommand call(String addr, int code, CommandCustomHeader header, byte[] body, long timeoutMillis,
        int... acceptedCodes) throws RemotingException, MQBrokerException, InterruptedException {
        return call(addr, command(code, header, body), timeoutMillis, acceptedCodes);
    }

    public RemotingCommand call(String addr, RemotingCommand request, long timeoutMillis, int... acceptedCodes)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = remotingClient.invokeSync(addr, request, timeoutMillis);
        return accept(response, addr, acceptedCodes);
    }

    /** Sends synchronously and decodes the successful response's header. */
    public <T extends CommandCustomHeader> T callForHeader(String addr, int code, CommandCustomHeader header,
        long timeoutMillis, Class<T> responseHeader) throws RemotingException, MQBrokerException, InterruptedException {
        return call(addr, code, header, null, timeoutMillis).decodeCommandCustomHeader(responseHeader);
    }

    /** Sends synchronously and decodes the successful response's JSON body (null when the body is empty). */
    public <T> T callForBody(String addr, int code, CommandCustomHeader header, byte[] body, long timeoutMillis,
        Class<T> bodyClass) throws RemotingException, MQBrokerException, InterruptedException {
        return RemotingSerializable.decode(call(addr, code, header, body, timeoutMillis).getBody(), bodyClass);
    }

    /** Sends without waiting for (or expecting) a response. */
    public void oneway(String addr, int code, CommandCustomHeader header, byte[] body, long timeoutMillis)
        throws RemotingException, InterruptedException {
        RemotingCommand request = command(code, header, body);
        request.markOnewayRPC();
        remotingClient.invokeOneway(addr, request, timeoutMillis);
    }

    /** Sends asynchronously; the callback sees the raw response future. */
    public void async(String addr, RemotingCommand request, long timeoutMillis, InvokeCallback callback)
        throws RemotingException, InterruptedException {
        remotingClient.invokeAsync(addr, request, timeoutMillis, callback);
    }

    /** {@code response} when its code is accepted, else the broker error it stands for. */
    public static RemotingCommand accept(RemotingCommand response, String addr, int... acceptedCodes)
        throws MQBrokerException {
        int[] codes = acceptedCodes.length == 0 ? SUCCESS_ONLY : acceptedCodes;
        for (int code : codes) {
            if (response.getCode() == code) {
                return response;
            }
        }
        throw new MQBrokerException(response.getCode(), response.getRemark(), addr);
    }

    public RemotingClient getRemotingClient() {
        return remotingClient;
    }
}
