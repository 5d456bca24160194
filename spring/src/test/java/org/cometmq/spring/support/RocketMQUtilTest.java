package org.cometmq.spring.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageExt;
import org.cometmq.spring.core.RocketMQListener;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.support.MessageBuilder;

class RocketMQUtilTest {
    private final MessageConverter converter = new RocketMQMessageConverter().getMessageConverter();

    /** A JSON payload type. */
    public record Item(String name, int count) {
    }

    static class ItemListener implements RocketMQListener<Item> {
        @Override
        public void onMessage(Item message) {
        }
    }

    static class BytesListener implements RocketMQListener<byte[]> {
        @Override
        public void onMessage(byte[] message) {
        }
    }

    static class ExtListener implements RocketMQListener<MessageExt> {
        @Override
        public void onMessage(MessageExt message) {
        }
    }

    @Test
    void stringAndBytesAreSentAsTheyAreAndObjectsAsJson() {
        Message fromString = RocketMQUtil.convertToRocketMessage(converter, "UTF-8", "T:tagA",
            MessageBuilder.withPayload("héllo").build());
        assertEquals("T", fromString.getTopic());
        assertEquals("tagA", fromString.getTags());
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), fromString.getBody());

        byte[] raw = {0, (byte) 0xff, 7};
        assertArrayEquals(raw, RocketMQUtil.convertToRocketMessage(converter, "UTF-8", "T",
            MessageBuilder.withPayload(raw).build()).getBody());

        Message fromObject = RocketMQUtil.convertToRocketMessage(converter, "UTF-8", "T",
            MessageBuilder.withPayload(new Item("pen", 3)).build());
        assertEquals("{\"name\":\"pen\",\"count\":3}", new String(fromObject.getBody(), StandardCharsets.UTF_8));
        assertNull(fromObject.getTags());
    }

    @Test
    void headersSetKeysDelayAndUserProperties() {
        Message message = RocketMQUtil.convertToRocketMessage(converter, "UTF-8", "T", MessageBuilder.withPayload("x")
            .copyHeaders(Map.of("rocketmq_KEYS", List.of("k1", "k2"), "DELAY", 3, "a", 7, "FLAG", 5)).build());
        assertEquals("k1 k2", message.getKeys());
        assertEquals(3, message.getDelayTimeLevel());
        assertEquals("7", message.getUserProperty("a"));
        assertEquals(5, message.getFlag());
        assertNull(message.getUserProperty("id"), "Spring's own headers are not sent");
        assertNull(message.getUserProperty("contentType"));
    }

    @Test
    void receivedBodiesAreConvertedToTheListenersType() {
        MessageExt received = new MessageExt();
        received.setTopic("T");
        received.setBody("{\"name\":\"cup\",\"count\":2,\"extra\":true}".getBytes(StandardCharsets.UTF_8));
        assertEquals(new Item("cup", 2), payloadFor(new ItemListener(), received));
        assertArrayEquals(received.getBody(), (byte[]) payloadFor(new BytesListener(), received));
        assertSame(received, payloadFor(new ExtListener(), received));
        RocketMQListener<String> lambda = text -> { };
        assertEquals("{\"name\":\"cup\",\"count\":2,\"extra\":true}", payloadFor(lambda, received));
    }

    @Test
    void aBodyThatIsNotJsonOfTheTypeFailsWithTheTypeNamed() {
        MessageExt received = new MessageExt();
        received.setBody("not json".getBytes(StandardCharsets.UTF_8));
        MessageConversionException failure = assertThrows(MessageConversionException.class,
            () -> payloadFor(new ItemListener(), received));
        assertEquals(true, failure.getMessage().contains(Item.class.getName()), failure.getMessage());
    }

    @Test
    void springMessagesOfReceivedMessagesCarryPrefixedHeaders() {
        MessageExt received = new MessageExt();
        received.setTopic("T");
        received.setTags("tg");
        received.setKeys("k");
        received.putUserProperty("color", "red");
        received.setBody(new byte[] {1});
        org.springframework.messaging.Message<byte[]> spring = RocketMQUtil.convertToSpringMessage(received);
        assertEquals("T", spring.getHeaders().get("rocketmq_TOPIC"));
        assertEquals("tg", spring.getHeaders().get("rocketmq_TAGS"));
        assertEquals("k", spring.getHeaders().get("rocketmq_KEYS"));
        assertEquals("red", spring.getHeaders().get("color"));
    }

    private Object payloadFor(Object listener, MessageExt received) {
        return new MessagePayloadConverter(converter, StandardCharsets.UTF_8, listener, RocketMQListener.class)
            .convert(received);
    }
}
