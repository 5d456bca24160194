package org.cometmq.common.protocol.body;

/** Outcome of consuming one message directly on request of an operator (CONSUME_MESSAGE_DIRECTLY). */
public enum CMResult {
    CR_SUCCESS,
    CR_LATER,
    CR_ROLLBACK,
    CR_COMMIT,
    CR_THROW_EXCEPTION,
    CR_RETURN_NULL,
}
