package org.cometmq.test.harness;

/** A running name server process, Apache's or CometMQ's, as the compatibility tests see it. */
public interface NameServerProcess extends AutoCloseable {

    /** {@code 127.0.0.1:port}, as clients and brokers are configured with it. */
    String address();

    int port();

    ManagedProcess process();

    /** Graceful stop (SIGTERM, then SIGKILL after a bound). */
    default void stop() {
        process().stop();
    }

    @Override
    default void close() {
        stop();
    }
}
