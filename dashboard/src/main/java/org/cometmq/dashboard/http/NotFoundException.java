package org.cometmq.dashboard.http;

/** What the request names does not exist: answered 404 with the message. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
