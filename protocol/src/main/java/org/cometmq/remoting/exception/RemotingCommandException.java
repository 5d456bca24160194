package org.cometmq.remoting.exception;

/** A command or its custom header is malformed: a required field is missing, a value does not parse, a frame is corrupt. */
public class RemotingCommandException extends RemotingException {
    private static final long serialVersionUID = 1L;

    public RemotingCommandException(String message) {
        super(message);
    }

    public RemotingCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
