package org.cometmq.test.remoting;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The requests an echo processor received, looked up by the unique header text each test sends. */
final class ReceivedRequests {
    private final Queue<ReceivedRequest> requests = new ConcurrentLinkedQueue<>();

    void add(ReceivedRequest request) {
        requests.add(request);
    }

    List<ReceivedRequest> withText(String text) {
        return requests.stream().filter(r -> text.equals(r.text())).toList();
    }

    long countWithText(String text) {
        return withText(text).size();
    }
}
