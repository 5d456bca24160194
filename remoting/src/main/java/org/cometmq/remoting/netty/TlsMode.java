package org.cometmq.remoting.netty;

/**
 * How a server treats TLS (system property {@code tls.server.mode}, as RocketMQ 4.9): {@link #DISABLED} plain only,
 * {@link #PERMISSIVE} TLS and plain on the same port (told apart by the first byte), {@link #ENFORCING} TLS only.
 */
public enum TlsMode {
    DISABLED("disabled"),
    PERMISSIVE("permissive"),
    ENFORCING("enforcing");

    private final String name;

    TlsMode(String name) {
        this.name = name;
    }

    /** The mode of an exact lower-case name; anything else is PERMISSIVE, as 4.9.7 reads it. */
    public static TlsMode parse(String mode) {
        for (TlsMode candidate : values()) {
            if (candidate.name.equals(mode)) {
                return candidate;
            }
        }
        return PERMISSIVE;
    }

    public String getName() {
        return name;
    }
}
