package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNullable;

/** RESUME_CHECK_HALF_MESSAGE (323) request. */
public class ResumeCheckHalfMessageRequestHeader implements CommandCustomHeader {
    @CFNullable
    private String msgId;

    public String getMsgId() {
        return msgId;
    }

    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }
}
