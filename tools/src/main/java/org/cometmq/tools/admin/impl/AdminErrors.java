package org.cometmq.tools.admin.impl;

import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;

/** Error conversions the admin API needs to keep RocketMQ's method signatures. */
public final class AdminErrors {
    private AdminErrors() {
    }

    /** A server refusal as a client error with the same response code and remark. */
    public static MQClientException clientError(MQBrokerException e) {
        MQClientException converted = new MQClientException(e.getResponseCode(), e.getErrorMessage());
        converted.initCause(e);
        return converted;
    }
}
