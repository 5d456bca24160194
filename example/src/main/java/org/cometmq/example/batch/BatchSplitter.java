package org.cometmq.example.batch;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Map;
import org.cometmq.common.message.Message;

/**
 * Cuts a list of messages into consecutive batches that each stay under a size limit, because the broker
 * refuses a batch larger than its maxMessageSize (4 MiB by default).
 */
public class BatchSplitter implements Iterator<List<Message>> {
    /** Stored-record overhead per message (lengths, offsets, timestamps, hosts), rounded up. */
    private static final int PER_MESSAGE_OVERHEAD = 100;

    private final List<Message> messages;
    private final int sizeLimit;
    private int next;

    public BatchSplitter(List<Message> messages, int sizeLimit) {
        this.messages = messages;
        this.sizeLimit = sizeLimit;
    }

    @Override
    public boolean hasNext() {
        return next < messages.size();
    }

    @Override
    public List<Message> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int start = next;
        int batchSize = 0;
        while (next < messages.size()) {
            int size = sizeOf(messages.get(next));
            // A message larger than the limit still goes alone, so the broker can say what is wrong with it.
            if (next > start && batchSize + size > sizeLimit) {
                break;
            }
            batchSize += size;
            next++;
        }
        return messages.subList(start, next);
    }

    static int sizeOf(Message message) {
        int size = message.getTopic().length() + message.getBody().length + PER_MESSAGE_OVERHEAD;
        Map<String, String> properties = message.getProperties();
        if (properties != null) {
            for (Map.Entry<String, String> property : properties.entrySet()) {
                size += property.getKey().length() + property.getValue().length() + 2;
            }
        }
        return size;
    }
}
