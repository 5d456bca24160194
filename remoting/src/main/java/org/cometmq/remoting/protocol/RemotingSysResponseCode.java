package org.cometmq.remoting.protocol;

/** Response codes the remoting layer itself produces (the rest live in the common module's ResponseCode). */
public class RemotingSysResponseCode {
    public static final int SUCCESS = 0;
    public static final int SYSTEM_ERROR = 1;
    public static final int SYSTEM_BUSY = 2;
    public static final int REQUEST_CODE_NOT_SUPPORTED = 3;
    public static final int TRANSACTION_FAILED = 4;
}
