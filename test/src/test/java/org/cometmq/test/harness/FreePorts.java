package org.cometmq.test.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks listen ports for launched servers. A broker binds {@code listenPort - 2} (VIP channel) and
 * {@code listenPort + 1} (HA) besides its main port, so a port is handed out only when p-2..p+1 are all
 * bindable. Ports come from below the Linux ephemeral range (32768+) so outgoing client connections
 * cannot take them between the check and the server's bind; a JVM never hands out overlapping ranges. When
 * failsafe runs the ITs in several forks, each fork draws from its own slice of that range (its fork number and
 * the fork count come as {@code comet.test.fork} and {@code comet.test.forkCount}), so two forks never race for
 * one port.
 */
public final class FreePorts {
    private static final int RANGE_START = 20_000;
    private static final int RANGE_END = 32_000;
    private static final int FORKS = Math.max(1, Integer.getInteger("comet.test.forkCount", 1));
    private static final int FORK = Math.min(FORKS, Math.max(1, Integer.getInteger("comet.test.fork", 1)));
    private static final int LOWEST = RANGE_START + (FORK - 1) * ((RANGE_END - RANGE_START) / FORKS);
    private static final int HIGHEST = LOWEST + (RANGE_END - RANGE_START) / FORKS;
    private static final int MAX_TRIES = 200;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** A port p with p-2, p-1, p and p+1 free on this host. */
    public static synchronized int brokerPort() {
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST + 2, HIGHEST - 1);
            if (rangeUnused(candidate - 2, candidate + 1) && allBindable(candidate - 2, candidate + 1)) {
                for (int p = candidate - 2; p <= candidate + 1; p++) {
                    HANDED_OUT.add(p);
                }
                return candidate;
            }
        }
        throw new IllegalStateException("no free port range of 4 found in " + MAX_TRIES + " tries between "
            + LOWEST + " and " + HIGHEST);
    }

    /** A port for a name server; same rule as {@link #brokerPort()} so a port is never reused in one JVM. */
    public static int namesrvPort() {
        return brokerPort();
    }

    private static boolean rangeUnused(int from, int to) {
        for (int p = from; p <= to; p++) {
            if (HANDED_OUT.contains(p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allBindable(int from, int to) {
        for (int p = from; p <= to; p++) {
            if (!bindable(p)) {
                return false;
            }
        }
        return true;
    }

    /** Binds the wildcard address, as the servers do, with SO_REUSEADDR as Netty sets it. */
    static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
