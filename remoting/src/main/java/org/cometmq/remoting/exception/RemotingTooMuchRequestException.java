package org.cometmq.remoting.exception;

/** Too many async or oneway requests are in flight: no permit became free in time. Retry later. */
public class RemotingTooMuchRequestException extends RemotingException {
    private static final long serialVersionUID = 1L;

    public RemotingTooMuchRequestException(String message) {
        super(message);
    }
}
