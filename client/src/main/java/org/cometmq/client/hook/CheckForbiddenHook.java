package org.cometmq.client.hook;

import org.cometmq.client.exception.MQClientException;

/** Runs before every send attempt; throwing refuses the send. */
public interface CheckForbiddenHook {
    String hookName();

    void checkForbidden(CheckForbiddenContext context) throws MQClientException;
}
