package org.cometmq.broker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PullOffsetsTest {
    @Test
    void latestPullWinsPerGroupTopicAndQueue() {
        PullOffsets pulls = new PullOffsets();
        pulls.record("g", "T", 0, 10);
        pulls.record("g", "T", 0, 4);
        pulls.record("g", "T", 200, 7);
        pulls.record("h", "T", 0, 3);
        pulls.record("g", "U", 0, 9);

        assertEquals(4, pulls.get("g", "T", 0), "an offset reset backwards shows at the next pull");
        assertEquals(7, pulls.get("g", "T", 200));
        assertEquals(3, pulls.get("h", "T", 0));
        assertEquals(9, pulls.get("g", "U", 0));
        assertEquals(-1, pulls.get("g", "T", 1));
        assertEquals(-1, pulls.get("x", "T", 0));
        assertEquals(-1, pulls.get("g", "V", 0));
    }
}
