package org.cometmq.common.protocol.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.filter.FilterAPI;
import org.junit.jupiter.api.Test;

class HeartbeatDataJsonTest {

    /** The HEART_BEAT body a 4.9.7 push consumer sends (spec 5.4), byte for byte. */
    @Test
    void encodesLikeTheSpecExample() {
        HeartbeatData data = new HeartbeatData();
        data.setClientID("10.0.0.9@12345#123456789");
        ConsumerData consumer = new ConsumerData();
        consumer.setGroupName("cg");
        consumer.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
        consumer.setMessageModel(MessageModel.CLUSTERING);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        SubscriptionData sub = FilterAPI.buildSubscriptionData("TopicTest", "TagA || TagB");
        sub.setSubVersion(1700000000000L);
        sub.setTagsSet(new java.util.TreeSet<>(sub.getTagsSet()));
        sub.setCodeSet(new java.util.TreeSet<>(sub.getCodeSet()));
        consumer.getSubscriptionDataSet().add(sub);
        data.getConsumerDataSet().add(consumer);
        data.getProducerDataSet().add(new ProducerData("CLIENT_INNER_PRODUCER"));

        String expected = "{\"clientID\":\"10.0.0.9@12345#123456789\",\"consumerDataSet\":[{\"consumeFromWhere\":"
            + "\"CONSUME_FROM_LAST_OFFSET\",\"consumeType\":\"CONSUME_PASSIVELY\",\"groupName\":\"cg\","
            + "\"messageModel\":\"CLUSTERING\",\"subscriptionDataSet\":[{\"classFilterMode\":false,"
            + "\"codeSet\":[2598919,2598920],\"expressionType\":\"TAG\",\"subString\":\"TagA || TagB\","
            + "\"subVersion\":1700000000000,\"tagsSet\":[\"TagA\",\"TagB\"],\"topic\":\"TopicTest\"}],"
            + "\"unitMode\":false}],\"producerDataSet\":[{\"groupName\":\"CLIENT_INNER_PRODUCER\"}]}";
        assertEquals(expected, new String(data.encode(), StandardCharsets.UTF_8));
    }

    @Test
    void decodesWhatItEncodes() {
        HeartbeatData data = new HeartbeatData();
        data.setClientID("127.0.0.1@1");
        ConsumerData consumer = new ConsumerData();
        consumer.setGroupName("g");
        consumer.setConsumeType(ConsumeType.CONSUME_ACTIVELY);
        consumer.setMessageModel(MessageModel.BROADCASTING);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP);
        consumer.getSubscriptionDataSet().add(FilterAPI.buildSubscriptionData("T", "*"));
        data.getConsumerDataSet().add(consumer);

        HeartbeatData back = HeartbeatData.decode(data.encode(), HeartbeatData.class);

        assertEquals("127.0.0.1@1", back.getClientID());
        ConsumerData c = back.getConsumerDataSet().iterator().next();
        assertEquals(ConsumeType.CONSUME_ACTIVELY, c.getConsumeType());
        assertEquals(MessageModel.BROADCASTING, c.getMessageModel());
        assertEquals(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP, c.getConsumeFromWhere());
        assertEquals(consumer.getSubscriptionDataSet(), c.getSubscriptionDataSet());
    }

    @Test
    void subscriptionEqualityIgnoresSubVersionButNotTags() {
        SubscriptionData a = FilterAPI.buildSubscriptionData("T", "A||B");
        SubscriptionData b = FilterAPI.buildSubscriptionData("T", "A||B");
        b.setSubVersion(a.getSubVersion() + 1000);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, FilterAPI.buildSubscriptionData("T", "A||C"));
    }

    @Test
    void filterClassSourceIsNeverSerialized() {
        SubscriptionData sub = FilterAPI.buildSubscriptionData("T", "*");
        sub.setFilterClassSource("class X {}");
        sub.setSubVersion(1);
        assertEquals("{\"classFilterMode\":false,\"codeSet\":[],\"expressionType\":\"TAG\",\"subString\":\"*\","
            + "\"subVersion\":1,\"tagsSet\":[],\"topic\":\"T\"}",
            org.cometmq.remoting.protocol.RemotingSerializable.toJson(sub, false));
    }
}
