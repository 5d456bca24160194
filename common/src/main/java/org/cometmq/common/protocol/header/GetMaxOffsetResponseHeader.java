package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** GET_MAX_OFFSET response: one past the last message, 0 for an empty queue. */
public class GetMaxOffsetResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private Long offset;

    public Long getOffset() {
        return offset;
    }

    public void setOffset(Long offset) {
        this.offset = offset;
    }
}
