package org.cometmq.client.trace;

import java.io.IOException;
import org.cometmq.client.AccessChannel;
import org.cometmq.client.exception.MQClientException;

/** Carries trace contexts from the hooks that make them to the trace topic. */
public interface TraceDispatcher {
    /** Whether the dispatcher traces a producer or a consumer; part of its trace producer's group name. */
    enum Type {
        PRODUCE,
        CONSUME
    }

    void start(String nameSrvAddr, AccessChannel accessChannel) throws MQClientException;

    /** Queues a trace context; false when the queue is full and the context was dropped. */
    boolean append(Object ctx);

    /** Sends what is queued, waiting a bounded time. */
    void flush() throws IOException;

    void shutdown();
}
