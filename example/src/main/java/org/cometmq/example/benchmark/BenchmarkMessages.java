package org.cometmq.example.benchmark;

import java.util.Arrays;
import org.cometmq.common.message.Message;

/**
 * Builds the benchmark's messages: one shared body of the requested size, and optionally a tag from a fixed
 * set and a unique key. Tags and keys are precomputed or cheap, so building a message costs little.
 */
final class BenchmarkMessages {
    private final String topic;
    private final byte[] body;
    private final String[] tags;
    private final boolean keys;
    private final String keyPrefix;

    BenchmarkMessages(ProducerOptions options) {
        this.topic = options.topic();
        this.body = new byte[options.messageSize()];
        Arrays.fill(body, (byte) 'a');
        this.tags = new String[options.tagCount()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = "tag" + i;
        }
        this.keys = options.keys();
        this.keyPrefix = "bench-" + ProcessHandle.current().pid() + "-";
    }

    /** The message with 0-based number {@code sequence} of this run. */
    Message create(long sequence) {
        String tag = tags.length == 0 ? null : tags[(int) (sequence % tags.length)];
        Message message = new Message(topic, tag, null, body);
        if (keys) {
            message.setKeys(keyPrefix + sequence);
        }
        return message;
    }
}
