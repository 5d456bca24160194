package org.cometmq.dashboard.http;

/** The request itself is wrong (missing or malformed input): answered 400 with the message. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
