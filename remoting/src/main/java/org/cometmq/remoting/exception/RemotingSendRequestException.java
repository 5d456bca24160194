package org.cometmq.remoting.exception;

/** The request could not be written to the connection (or the connection closed before the answer). */
public class RemotingSendRequestException extends RemotingException {
    private static final long serialVersionUID = 1L;

    public RemotingSendRequestException(String addr) {
        this(addr, null);
    }

    public RemotingSendRequestException(String addr, Throwable cause) {
        super("send request to <" + addr + "> failed", cause);
    }
}
