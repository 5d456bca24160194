package org.cometmq.common.sysflag;

/** Bits of the PULL_MESSAGE request's sysFlag. */
public final class PullSysFlag {
    public static final int FLAG_COMMIT_OFFSET = 0x1;
    public static final int FLAG_SUSPEND = 0x1 << 1;
    public static final int FLAG_SUBSCRIPTION = 0x1 << 2;
    public static final int FLAG_CLASS_FILTER = 0x1 << 3;
    public static final int FLAG_LITE_PULL_MESSAGE = 0x1 << 4;

    private PullSysFlag() {
    }

    public static int buildSysFlag(boolean commitOffset, boolean suspend, boolean subscription, boolean classFilter) {
        int flag = 0;
        if (commitOffset) {
            flag |= FLAG_COMMIT_OFFSET;
        }
        if (suspend) {
            flag |= FLAG_SUSPEND;
        }
        if (subscription) {
            flag |= FLAG_SUBSCRIPTION;
        }
        if (classFilter) {
            flag |= FLAG_CLASS_FILTER;
        }
        return flag;
    }

    public static int buildSysFlag(boolean commitOffset, boolean suspend, boolean subscription, boolean classFilter,
        boolean litePull) {
        int flag = buildSysFlag(commitOffset, suspend, subscription, classFilter);
        return litePull ? flag | FLAG_LITE_PULL_MESSAGE : flag;
    }

    public static int clearCommitOffsetFlag(int sysFlag) {
        return sysFlag & ~FLAG_COMMIT_OFFSET;
    }

    public static boolean hasCommitOffsetFlag(int sysFlag) {
        return (sysFlag & FLAG_COMMIT_OFFSET) == FLAG_COMMIT_OFFSET;
    }

    public static boolean hasSuspendFlag(int sysFlag) {
        return (sysFlag & FLAG_SUSPEND) == FLAG_SUSPEND;
    }

    public static boolean hasSubscriptionFlag(int sysFlag) {
        return (sysFlag & FLAG_SUBSCRIPTION) == FLAG_SUBSCRIPTION;
    }

    public static boolean hasClassFilterFlag(int sysFlag) {
        return (sysFlag & FLAG_CLASS_FILTER) == FLAG_CLASS_FILTER;
    }

    public static boolean hasLitePullFlag(int sysFlag) {
        return (sysFlag & FLAG_LITE_PULL_MESSAGE) == FLAG_LITE_PULL_MESSAGE;
    }
}
