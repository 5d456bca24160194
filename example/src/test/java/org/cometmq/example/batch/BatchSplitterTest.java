package org.cometmq.example.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.common.message.Message;
import org.junit.jupiter.api.Test;

class BatchSplitterTest {

    @Test
    void cutsIntoConsecutiveBatchesUnderTheLimit() {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            messages.add(new Message("T", new byte[1000]));
        }
        int oneMessage = BatchSplitter.sizeOf(messages.get(0));
        BatchSplitter splitter = new BatchSplitter(messages, oneMessage * 4);

        List<Integer> sizes = new ArrayList<>();
        while (splitter.hasNext()) {
            sizes.add(splitter.next().size());
        }
        assertEquals(List.of(4, 4, 2), sizes);
    }

    @Test
    void anOversizedMessageGoesAlone() {
        List<Message> messages = List.of(new Message("T", new byte[10]), new Message("T", new byte[5000]),
            new Message("T", new byte[10]));
        BatchSplitter splitter = new BatchSplitter(messages, 1000);

        assertEquals(1, splitter.next().size());
        assertEquals(1, splitter.next().size());
        assertEquals(1, splitter.next().size());
        assertFalse(splitter.hasNext());
    }
}
