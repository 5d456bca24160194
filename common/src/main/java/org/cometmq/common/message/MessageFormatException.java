package org.cometmq.common.message;

/**
 * A message record or message id cannot be decoded (bad magic code, a length pointing past the record,
 * a truncated buffer), or a message cannot be encoded (topic or properties too long).
 */
public class MessageFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MessageFormatException(String message) {
        super(message);
    }

    public MessageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
