package org.cometmq.broker.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.filter.ExpressionType;
import org.cometmq.common.filter.FilterAPI;
import org.cometmq.common.filter.sql92.ExpressionCache;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageFilter;
import org.junit.jupiter.api.Test;

/** Which filter a subscription gets, and how SQL92 subscriptions are refused with and without the property filter. */
class ConsumerFilterFactoryTest {
    private final BrokerConfig config = new BrokerConfig();
    private final ExpressionCache cache = new ExpressionCache();
    private final ConsumerFilterFactory factory = new ConsumerFilterFactory(config, cache);

    private static SubscriptionData sql(String topic, String expression, long version) {
        SubscriptionData data = FilterAPI.build(topic, expression, ExpressionType.SQL92);
        data.setSubVersion(version);
        return data;
    }

    private static RemotingCommand response() {
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    @Test
    void tagSubscriptionsFilterByTagWhateverTheSetting() {
        RemotingCommand response = response();
        MessageFilter filter = factory.create("g", FilterAPI.buildSubscriptionData("T", "A || B"), response);
        assertInstanceOf(TagMessageFilter.class, filter);
        assertTrue(filter.isMatchedByConsumeQueue((long) "A".hashCode(), null));
        assertFalse(filter.isMatchedByConsumeQueue((long) "C".hashCode(), null));
        assertEquals(ResponseCode.SUCCESS, response.getCode());
    }

    @Test
    void sql92IsRefusedAsBeforeWhileThePropertyFilterIsOff() {
        RemotingCommand pull = response();
        assertNull(factory.create("g", sql("T", "a > 1", 1), pull));
        assertEquals(ResponseCode.SYSTEM_ERROR, pull.getCode());
        assertEquals("The broker does not support consumer to filter message by SQL92", pull.getRemark());
        RemotingCommand check = response();
        assertFalse(factory.check("g", sql("T", "a > 1", 1), check));
        assertEquals(ResponseCode.SYSTEM_ERROR, check.getCode());
        assertEquals("The broker does not support consumer to filter message by SQL92", check.getRemark());
        Set<SubscriptionData> heartbeat = Set.of(sql("T", "a >", 1));
        assertSame(heartbeat, factory.acceptedSubscriptions("g", heartbeat));
    }

    @Test
    void sql92CompilesOncePerSubscriptionVersionWhenEnabled() {
        config.setEnablePropertyFilter(true);
        RemotingCommand response = response();
        MessageFilter filter = factory.create("g", sql("T", "a BETWEEN 3 AND 5", 7), response);
        Sql92MessageFilter sql = assertInstanceOf(Sql92MessageFilter.class, filter);
        assertEquals("a BETWEEN 3 AND 5", sql.getExpression().getExpression());
        assertTrue(filter.isMatchedByCommitLog(null, Map.of("a", "4")));
        assertFalse(filter.isMatchedByCommitLog(null, Map.of("a", "6")));
        assertTrue(filter.isMatchedByConsumeQueue(123L, null));
        assertSame(sql.getExpression(),
            ((Sql92MessageFilter) factory.create("g", sql("T", "a BETWEEN 3 AND 5", 7), response)).getExpression());
        assertEquals(1, cache.size());
        assertTrue(factory.check("g", sql("T", "a IS NULL", 8), response));
        assertEquals(ResponseCode.SUCCESS, response.getCode());
    }

    @Test
    void malformedSql92IsAParseFailureWithTheCompilerMessage() {
        config.setEnablePropertyFilter(true);
        RemotingCommand check = response();
        assertFalse(factory.check("g", sql("T", "a >", 1), check));
        assertEquals(ResponseCode.SUBSCRIPTION_PARSE_FAILED, check.getCode());
        assertTrue(check.getRemark().startsWith("Syntax error at column"), check.getRemark());
        RemotingCommand pull = response();
        assertNull(factory.create("g", sql("T", "a >", 1), pull));
        assertEquals(ResponseCode.SUBSCRIPTION_PARSE_FAILED, pull.getCode());
        assertEquals("the SQL92 subscription of group g to topic T does not compile: " + check.getRemark(),
            pull.getRemark());
    }

    @Test
    void heartbeatDropsOnlyTheMalformedSubscription() {
        config.setEnablePropertyFilter(true);
        Set<SubscriptionData> subscriptions = new LinkedHashSet<>(List.of(sql("Good", "a = 1", 1),
            sql("Bad", "a = = 1", 1), FilterAPI.buildSubscriptionData("Tags", "*")));
        Set<SubscriptionData> accepted = factory.acceptedSubscriptions("g", subscriptions);
        assertEquals(List.of("Good", "Tags"), accepted.stream().map(SubscriptionData::getTopic).toList());
    }
}
