package org.cometmq.common.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.junit.jupiter.api.Test;

class FilterAPITest {

    @Test
    void splitsTagsAndHashesEachOne() {
        SubscriptionData sub = FilterAPI.buildSubscriptionData("TopicTest", " TagA ||TagB|| ||TagC");
        assertEquals("TopicTest", sub.getTopic());
        assertEquals(" TagA ||TagB|| ||TagC", sub.getSubString());
        assertEquals(Set.of("TagA", "TagB", "TagC"), sub.getTagsSet());
        assertEquals(Set.of(2598919, 2598920, 2598921), sub.getCodeSet());
        assertEquals(ExpressionType.TAG, sub.getExpressionType());
    }

    @Test
    void starNullAndEmptySubscribeToAll() {
        for (String expression : new String[] {"*", "", null}) {
            SubscriptionData sub = FilterAPI.buildSubscriptionData("T", expression);
            assertEquals("*", sub.getSubString());
            assertTrue(sub.getTagsSet().isEmpty());
            assertTrue(sub.getCodeSet().isEmpty());
        }
    }

    @Test
    void sql92IsKeptAsWritten() {
        SubscriptionData sub = FilterAPI.build("T", "a > 5 AND b = 'x'", ExpressionType.SQL92);
        assertEquals("a > 5 AND b = 'x'", sub.getSubString());
        assertEquals("SQL92", sub.getExpressionType());
        assertTrue(sub.getTagsSet().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> FilterAPI.build("T", "", ExpressionType.SQL92));
    }
}
