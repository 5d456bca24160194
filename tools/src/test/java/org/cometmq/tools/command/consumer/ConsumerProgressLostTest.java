package org.cometmq.tools.command.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

/** consumerProgress with messages deleted before the group consumed them, and without (4.9.7's output). */
class ConsumerProgressLostTest {

    @Test
    void lostMessagesAreShownAndLeftOutOfTheDiff() {
        ConsumeStats stats = new ConsumeStats();
        stats.getOffsetTable().put(new MessageQueue("T", "b", 0), wrapper(100, 30, 60, 0)); // not yet skipped
        stats.getOffsetTable().put(new MessageQueue("T", "b", 1), wrapper(100, 60, 60, 25)); // skipped already
        stats.getOffsetTable().put(new MessageQueue("T", "b", 2), wrapper(100, 90, 0, 0));
        List<String> lines = print(stats);
        assertTrue(lines.contains("Diff Total: 90"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Lost Total: 55 ")), lines.toString());
        assertEquals(List.of("0  60  30", "1  60  25"), lines.stream().filter(l -> l.startsWith("T "))
            .skip(3).map(l -> l.substring(100).trim().replaceAll("\\s+", "  ")).toList());
    }

    @Test
    void withoutLostMessagesTheOutputEndsAtTheDiffTotal() {
        ConsumeStats stats = new ConsumeStats();
        stats.getOffsetTable().put(new MessageQueue("T", "b", 0), wrapper(100, 30, 0, 0));
        List<String> lines = print(stats);
        assertEquals("Diff Total: 70", lines.get(lines.size() - 1));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("Lost")));
    }

    private static OffsetWrapper wrapper(long max, long consumer, long min, long lost) {
        OffsetWrapper wrapper = new OffsetWrapper();
        wrapper.setBrokerOffset(max);
        wrapper.setConsumerOffset(consumer);
        wrapper.setMinOffset(min);
        wrapper.setLostCount(lost);
        return wrapper;
    }

    private static List<String> print(ConsumeStats stats) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsumerProgressSubCommand.printProgress(stats, false, Map.of(), new PrintStream(bytes, true,
            StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
