package org.cometmq.remoting;

/**
 * Told of every request a server answered: its code, the response code and the time from arrival to the
 * response (metrics). Runs on the thread that answers, so it must be quick and must not throw.
 */
@FunctionalInterface
public interface RequestObserver {
    void onResponse(int requestCode, int responseCode, long elapsedNanos);
}
