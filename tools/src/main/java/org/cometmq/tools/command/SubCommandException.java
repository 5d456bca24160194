package org.cometmq.tools.command;

/** A sub-command failure whose message is what the operator reads: what went wrong and what to try. */
public class SubCommandException extends Exception {
    private static final long serialVersionUID = 1L;

    public SubCommandException(String message) {
        super(message);
    }

    public SubCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
