package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** SEARCH_OFFSET_BY_TIMESTAMP response. */
public class SearchOffsetResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private Long offset;

    public Long getOffset() {
        return offset;
    }

    public void setOffset(Long offset) {
        this.offset = offset;
    }
}
