package org.cometmq.common.message;

/**
 * A stored message as the client sees it: {@link #getMsgId()} is the producer's unique id (UNIQ_KEY) when
 * present, and the broker's offset id is kept separately as {@link #getOffsetMsgId()}.
 */
public class MessageClientExt extends MessageExt {
    private static final long serialVersionUID = 1L;

    public String getOffsetMsgId() {
        return super.getMsgId();
    }

    public void setOffsetMsgId(String offsetMsgId) {
        super.setMsgId(offsetMsgId);
    }

    @Override
    public String getMsgId() {
        String uniqID = MessageClientIDSetter.getUniqID(this);
        return uniqID == null ? this.getOffsetMsgId() : uniqID;
    }

    /** Ignored: the visible id derives from UNIQ_KEY; use {@link #setOffsetMsgId(String)} for the offset id. */
    @Override
    public void setMsgId(String msgId) {
    }
}
