package org.cometmq.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.common.message.Message;
import org.junit.jupiter.api.Test;

class ValidatorsTest {
    private final DefaultMQProducer producer = new DefaultMQProducer("pg");

    @Test
    void topicRules() throws MQClientException {
        Validators.checkTopic("Topic_Test-1%|x");
        Validators.checkTopic("a".repeat(127));
        assertEquals("The specified topic is blank", assertThrows(MQClientException.class,
            () -> Validators.checkTopic(" ")).getErrorMessage());
        assertEquals("The specified topic is longer than topic max length 127.", assertThrows(MQClientException.class,
            () -> Validators.checkTopic("a".repeat(128))).getErrorMessage());
        assertEquals("The specified topic[a b] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$",
            assertThrows(MQClientException.class, () -> Validators.checkTopic("a b")).getErrorMessage());
    }

    @Test
    void groupRules() throws MQClientException {
        Validators.checkGroup("g".repeat(255));
        assertThrows(MQClientException.class, () -> Validators.checkGroup("g".repeat(256)));
        assertThrows(MQClientException.class, () -> Validators.checkGroup(""));
        assertThrows(MQClientException.class, () -> Validators.checkGroup("a.b"));
    }

    @Test
    void messageRules() {
        assertEquals(13, assertThrows(MQClientException.class,
            () -> Validators.checkMessage(null, producer)).getResponseCode());
        assertEquals("the message body is null", assertThrows(MQClientException.class,
            () -> Validators.checkMessage(new Message("T", null), producer)).getErrorMessage());
        assertEquals("the message body length is zero", assertThrows(MQClientException.class,
            () -> Validators.checkMessage(new Message("T", new byte[0]), producer)).getErrorMessage());
        assertEquals("Sending message to topic[SCHEDULE_TOPIC_XXXX] is forbidden.", assertThrows(
            MQClientException.class, () -> Validators.checkMessage(new Message("SCHEDULE_TOPIC_XXXX", new byte[1]),
                producer)).getErrorMessage());
        assertDoesNotThrow(() -> Validators.checkMessage(new Message("T", new byte[4 * 1024 * 1024]), producer));
        MQClientException tooBig = assertThrows(MQClientException.class,
            () -> Validators.checkMessage(new Message("T", new byte[4 * 1024 * 1024 + 1]), producer));
        assertEquals(13, tooBig.getResponseCode());
        assertEquals("the message body size 4194305 is over the max value 4194304 bytes: split the message or raise "
            + "maxMessageSize on the producer and the broker", tooBig.getErrorMessage());
    }

    @Test
    void systemTopicsCannotBeCreated() {
        assertThrows(MQClientException.class, () -> Validators.isSystemTopic("TBW102"));
        assertThrows(MQClientException.class, () -> Validators.isSystemTopic("rmq_sys_x"));
        assertDoesNotThrow(() -> Validators.isSystemTopic("TopicTest"));
    }
}
