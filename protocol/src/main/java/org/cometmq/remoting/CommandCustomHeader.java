package org.cometmq.remoting;

import org.cometmq.remoting.exception.RemotingCommandException;

/**
 * A typed request or response header. Its non-static, non-transient fields travel in
 * {@code RemotingCommand.extFields} as strings; fields marked {@link org.cometmq.remoting.annotation.CFNotNull}
 * must be present when the header is decoded.
 */
public interface CommandCustomHeader {

    /** Checks constraints the field annotations cannot express; called after decoding. */
    default void checkFields() throws RemotingCommandException {
    }
}
