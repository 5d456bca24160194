package org.cometmq.acl.plain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cometmq.acl.common.AclException;

/**
 * Compiles the address patterns 4.9.7 accepts, checked in this order: blank (matches nothing); {@code *},
 * {@code *.*.*.*} or {@code *:*:*:*:*:*:*:*} (everything); a list ending in {@code {a,b}} on the last segment; a
 * comma list of literal addresses; a range or wildcard in one segment ({@code 192.168.1.*}, {@code 192.168.1-10.*},
 * {@code 192.168.1.1-100}, IPv6 with hex ranges); otherwise one literal address. Invalid patterns throw
 * {@link AclException}.
 */
public final class RemoteAddressStrategyFactory {
    public static final RemoteAddressStrategy BLANK = ip -> false;
    public static final RemoteAddressStrategy NULL = ip -> true;

    private RemoteAddressStrategyFactory() {
    }

    public static RemoteAddressStrategy getRemoteAddressStrategy(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return BLANK;
        }
        String p = pattern.trim();
        if (p.equals("*") || p.equals("*.*.*.*") || p.equals("*:*:*:*:*:*:*:*")) {
            return NULL;
        }
        if (p.endsWith("}")) {
            return braceList(p);
        }
        if (p.contains(",")) {
            return literalList(Arrays.asList(p.split(",")));
        }
        if (p.contains("*") || p.contains("-")) {
            return p.contains(":") ? ipv6Range(p) : ipv4Range(p);
        }
        return one(p);
    }

    private static RemoteAddressStrategy braceList(String p) {
        int open = p.lastIndexOf('{');
        boolean ipv6 = p.contains(":");
        String prefix = open > 0 ? p.substring(0, open) : "";
        boolean wellFormed = open > 0 && (ipv6 ? prefix.endsWith(":") : prefix.endsWith(".")
            && p.split("\\.").length >= 4);
        if (!wellFormed) {
            throw new AclException("MultipleRemoteAddressStrategy has got a/some wrong format IP(s) " + p);
        }
        List<String> members = new ArrayList<>();
        for (String last : p.substring(open + 1, p.length() - 1).split(",")) {
            members.add(prefix + last.trim());
        }
        return literalList(members);
    }

    private static RemoteAddressStrategy literalList(List<String> members) {
        Set<String> normalized = new HashSet<>();
        for (String member : members) {
            String m = member.trim();
            if (!IpAddresses.isIPv4(m) && !IpAddresses.isIPv6(m)) {
                throw new AclException("Netaddress examine Exception netaddress is " + m);
            }
            normalized.add(normalize(m));
        }
        return ip -> normalized.contains(normalize(ip));
    }

    private static RemoteAddressStrategy one(String p) {
        if (!IpAddresses.isIPv4(p) && !IpAddresses.isIPv6(p)) {
            throw new AclException("Netaddress examine Exception netaddress is " + p);
        }
        String expected = normalize(p);
        return ip -> expected.equals(normalize(ip));
    }

    /** IPv4 as is; IPv6 as eight lower-case hex groups without leading zeros. */
    static String normalize(String ip) {
        int[] groups = IpAddresses.expandIPv6(ip);
        if (groups == null) {
            return ip;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            sb.append(i == 0 ? "" : ":").append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /**
     * 4.9.7's rule: the first of segments 2..4 that is {@code *} or {@code a-b} is the ranged one; segments before it
     * are matched as text, segments after it are not looked at.
     */
    private static RemoteAddressStrategy ipv4Range(String p) {
        String[] parts = p.split("\\.", -1);
        if (parts.length != 4) {
            throw new AclException("Netaddress examine scope Exception netaddress is " + p);
        }
        for (int index = 1; index < 4; index++) {
            int[] range = segmentRange(parts[index].trim(), 255, 10);
            if (range != null) {
                String head = String.join(".", Arrays.copyOfRange(parts, 0, index)) + ".";
                return new Ipv4Range(head, index, range[0], range[1]);
            }
        }
        throw new AclException("Netaddress examine scope Exception netaddress is " + p);
    }

    /** [start, end] of {@code *} or {@code a-b}; null for a plain value. */
    private static int[] segmentRange(String segment, int max, int radix) {
        if (segment.equals("*")) {
            return new int[] {0, max};
        }
        int dash = segment.indexOf('-');
        if (dash < 0) {
            return null;
        }
        int start;
        int end;
        try {
            start = Integer.parseInt(segment.substring(0, dash).trim(), radix);
            end = Integer.parseInt(segment.substring(dash + 1).trim(), radix);
        } catch (NumberFormatException e) {
            throw new AclException("RangeRemoteAddressStrategy netaddress examine scope Exception value is " + segment);
        }
        if (start < 0 || end > max || start > end) {
            throw new AclException("RangeRemoteAddressStrategy netaddress examine scope Exception start is " + start
                + " , end is " + end);
        }
        return new int[] {start, end};
    }

    private static RemoteAddressStrategy ipv6Range(String p) {
        String[] parts = p.split(":", -1);
        if (parts.length != IpAddresses.IPV6_GROUPS) {
            throw new AclException("Netaddress examine scope Exception netaddress is " + p);
        }
        for (int index = 0; index < parts.length; index++) {
            int[] range = segmentRange(parts[index].trim(), 0xffff, 16);
            if (range != null) {
                int[] head = new int[index];
                for (int i = 0; i < index; i++) {
                    head[i] = IpAddresses.parseHexGroup(parts[i].trim());
                    if (head[i] < 0) {
                        throw new AclException("Netaddress examine scope Exception netaddress is " + p);
                    }
                }
                return new Ipv6Range(head, range[0], range[1]);
            }
        }
        throw new AclException("Netaddress examine scope Exception netaddress is " + p);
    }

    private static final class Ipv4Range implements RemoteAddressStrategy {
        private final String head;
        private final int index;
        private final int start;
        private final int end;

        Ipv4Range(String head, int index, int start, int end) {
            this.head = head;
            this.index = index;
            this.start = start;
            this.end = end;
        }

        @Override
        public boolean match(String ip) {
            if (!ip.startsWith(head) || !IpAddresses.isIPv4(ip)) {
                return false;
            }
            int value = Integer.parseInt(ip.split("\\.")[index]);
            return value >= start && value <= end;
        }
    }

    private static final class Ipv6Range implements RemoteAddressStrategy {
        private final int[] head;
        private final int start;
        private final int end;

        Ipv6Range(int[] head, int start, int end) {
            this.head = head;
            this.start = start;
            this.end = end;
        }

        @Override
        public boolean match(String ip) {
            int[] groups = IpAddresses.expandIPv6(ip);
            if (groups == null) {
                return false;
            }
            for (int i = 0; i < head.length; i++) {
                if (groups[i] != head[i]) {
                    return false;
                }
            }
            int value = groups[head.length];
            return value >= start && value <= end;
        }
    }
}
