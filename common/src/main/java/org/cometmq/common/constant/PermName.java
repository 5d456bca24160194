package org.cometmq.common.constant;

/** Topic and broker permission bits. */
public final class PermName {
    public static final int PERM_PRIORITY = 0x1 << 3;
    public static final int PERM_READ = 0x1 << 2;
    public static final int PERM_WRITE = 0x1 << 1;
    public static final int PERM_INHERIT = 0x1;

    private PermName() {
    }

    /** Three characters: {@code R} or {@code -}, {@code W} or {@code -}, {@code X} (inherit) or {@code -}. */
    public static String perm2String(int perm) {
        char[] chars = {'-', '-', '-'};
        if (isReadable(perm)) {
            chars[0] = 'R';
        }
        if (isWriteable(perm)) {
            chars[1] = 'W';
        }
        if (isInherited(perm)) {
            chars[2] = 'X';
        }
        return new String(chars);
    }

    public static boolean isReadable(int perm) {
        return (perm & PERM_READ) == PERM_READ;
    }

    public static boolean isWriteable(int perm) {
        return (perm & PERM_WRITE) == PERM_WRITE;
    }

    public static boolean isInherited(int perm) {
        return (perm & PERM_INHERIT) == PERM_INHERIT;
    }

    public static boolean isPriority(int perm) {
        return (perm & PERM_PRIORITY) == PERM_PRIORITY;
    }
}
