package org.cometmq.common.sysflag;

/** Bits of a topic's topicSysFlag (unit-mode markers). */
public final class TopicSysFlag {
    public static final int FLAG_UNIT = 0x1;
    public static final int FLAG_UNIT_SUB = 0x1 << 1;

    private TopicSysFlag() {
    }

    public static int buildSysFlag(boolean unit, boolean hasUnitSub) {
        int flag = 0;
        if (unit) {
            flag |= FLAG_UNIT;
        }
        if (hasUnitSub) {
            flag |= FLAG_UNIT_SUB;
        }
        return flag;
    }

    public static int setUnitFlag(int sysFlag) {
        return sysFlag | FLAG_UNIT;
    }

    public static int clearUnitFlag(int sysFlag) {
        return sysFlag & ~FLAG_UNIT;
    }

    public static boolean hasUnitFlag(int sysFlag) {
        return (sysFlag & FLAG_UNIT) == FLAG_UNIT;
    }

    public static int setUnitSubFlag(int sysFlag) {
        return sysFlag | FLAG_UNIT_SUB;
    }

    public static int clearUnitSubFlag(int sysFlag) {
        return sysFlag & ~FLAG_UNIT_SUB;
    }

    public static boolean hasUnitSubFlag(int sysFlag) {
        return (sysFlag & FLAG_UNIT_SUB) == FLAG_UNIT_SUB;
    }
}
