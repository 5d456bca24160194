package org.cometmq.remoting.protocol;

/** Whether a command is a request or a response (flag bit 0). */
public enum RemotingCommandType {
    REQUEST_COMMAND,
    RESPONSE_COMMAND
}
