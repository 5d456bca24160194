package org.cometmq.common.namesrv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The name-server address list as users write it ({@code "host:port;host:port"}), read in one place. */
public final class NameServerAddresses {
    private NameServerAddresses() {
    }

    /** The entries of {@code addrs}, trimmed, blanks dropped; empty for null or blank. */
    public static List<String> parse(String addrs) {
        if (addrs == null || addrs.isBlank()) {
            return Collections.emptyList();
        }
        List<String> list = new ArrayList<>();
        for (String addr : addrs.split(";")) {
            if (!addr.isBlank()) {
                list.add(addr.trim());
            }
        }
        return list;
    }

    /**
     * Checks that each entry is {@code host:port} with a port in 1..65535 (null or blank is allowed: no name
     * server yet).
     *
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static void validate(String addrs) {
        for (String addr : parse(addrs)) {
            int colon = addr.lastIndexOf(':');
            boolean valid = colon > 0 && colon < addr.length() - 1;
            if (valid) {
                try {
                    int port = Integer.parseInt(addr.substring(colon + 1));
                    valid = port > 0 && port <= 0xFFFF;
                } catch (NumberFormatException e) {
                    valid = false;
                }
            }
            if (!valid) {
                throw new IllegalArgumentException("name server address '" + addr + "' is not host:port;"
                    + " use e.g. -n '127.0.0.1:9876;127.0.0.2:9876'");
            }
        }
    }
}
