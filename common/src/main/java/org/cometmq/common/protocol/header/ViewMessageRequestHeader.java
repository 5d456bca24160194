package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** VIEW_MESSAGE_BY_ID (33) request: commit-log offset decoded from an offset message id. */
public class ViewMessageRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private Long offset;

    public Long getOffset() {
        return offset;
    }

    public void setOffset(Long offset) {
        this.offset = offset;
    }
}
