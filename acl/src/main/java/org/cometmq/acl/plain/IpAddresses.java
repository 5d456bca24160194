package org.cometmq.acl.plain;

/** Literal IPv4/IPv6 checks and IPv6 expansion, without name resolution. */
final class IpAddresses {
    static final int IPV6_GROUPS = 8;

    private IpAddresses() {
    }

    /** {@code a.b.c.d} with each part 0..255 in decimal. */
    static boolean isIPv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (parseDecimalByte(part) < 0) {
                return false;
            }
        }
        return true;
    }

    /** 0..255 or -1 when {@code part} is not a decimal number in that range. */
    static int parseDecimalByte(String part) {
        if (part.isEmpty() || part.length() > 3) {
            return -1;
        }
        for (int i = 0; i < part.length(); i++) {
            if (!Character.isDigit(part.charAt(i))) {
                return -1;
            }
        }
        int value = Integer.parseInt(part);
        return value <= 255 ? value : -1;
    }

    static boolean isIPv6(String text) {
        return expandIPv6(text) != null;
    }

    /** The eight 16-bit groups of an IPv6 literal ({@code ::} expanded), or null when it is not one. */
    static int[] expandIPv6(String text) {
        String s = stripBrackets(text);
        if (!s.contains(":") || s.indexOf("::") != s.lastIndexOf("::")) {
            return null;
        }
        String[] head;
        String[] tail;
        int gap = s.indexOf("::");
        if (gap >= 0) {
            head = splitGroups(s.substring(0, gap));
            tail = splitGroups(s.substring(gap + 2));
            if (head == null || tail == null || head.length + tail.length > IPV6_GROUPS - 1) {
                return null;
            }
        } else {
            head = splitGroups(s);
            tail = new String[0];
            if (head == null || head.length != IPV6_GROUPS) {
                return null;
            }
        }
        int[] groups = new int[IPV6_GROUPS];
        for (int i = 0; i < head.length; i++) {
            groups[i] = parseHexGroup(head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            groups[IPV6_GROUPS - tail.length + i] = parseHexGroup(tail[i]);
        }
        for (int g : groups) {
            if (g < 0) {
                return null;
            }
        }
        return groups;
    }

    private static String[] splitGroups(String part) {
        if (part.isEmpty()) {
            return new String[0];
        }
        String[] groups = part.split(":", -1);
        for (String g : groups) {
            if (g.isEmpty()) {
                return null;
            }
        }
        return groups;
    }

    /** 0..0xffff or -1 when {@code group} is not 1 to 4 hex digits. */
    static int parseHexGroup(String group) {
        if (group.isEmpty() || group.length() > 4) {
            return -1;
        }
        try {
            return Integer.parseInt(group, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String stripBrackets(String text) {
        if (text.startsWith("[") && text.endsWith("]")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** The IP of a peer string {@code ip:port}: cut at the last colon as 4.9.7 does, brackets removed. */
    static String peerIp(String remoteAddr) {
        if (remoteAddr == null) {
            return "";
        }
        int colon = remoteAddr.lastIndexOf(':');
        return stripBrackets(colon > 0 ? remoteAddr.substring(0, colon) : remoteAddr);
    }
}
