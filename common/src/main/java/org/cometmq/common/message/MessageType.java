package org.cometmq.common.message;

/** Kind of a sent message as producer hooks report it. */
public enum MessageType {
    Normal_Msg,
    Trans_Msg_Half,
    Trans_msg_Commit,
    Delay_Msg
}
