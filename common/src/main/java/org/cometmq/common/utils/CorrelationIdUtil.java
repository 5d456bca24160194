package org.cometmq.common.utils;

import java.util.UUID;

/** Correlation ids that tie a request message to its reply (a random UUID, as 4.9.7 uses). */
public class CorrelationIdUtil {
    /** A new, practically unique correlation id. */
    public static String createCorrelationId() {
        return UUID.randomUUID().toString();
    }
}
