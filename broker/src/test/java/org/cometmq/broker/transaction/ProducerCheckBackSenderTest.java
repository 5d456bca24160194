package org.cometmq.broker.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cometmq.broker.client.Broker2Client;
import org.cometmq.broker.client.ClientChannelInfo;
import org.cometmq.broker.client.ProducerManager;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.header.CheckTransactionStateRequestHeader;
import org.cometmq.remoting.protocol.LanguageCode;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.Test;

/** CHECK_TRANSACTION_STATE goes to a live producer of the message's group, with the header and body of spec 4.10. */
class ProducerCheckBackSenderTest {
    private final ManualClock clock = new ManualClock(1_000);
    private final ProducerManager producers = new ProducerManager(clock, 120_000);
    private final List<Channel> targets = new ArrayList<>();
    private final List<RemotingCommand> requests = new ArrayList<>();
    private final Broker2Client broker2Client = new Broker2Client(() -> null) {
        @Override
        public void sendOneway(Channel channel, RemotingCommand request) {
            targets.add(channel);
            requests.add(request);
        }
    };
    private final ProducerCheckBackSender sender = new ProducerCheckBackSender(producers, broker2Client, "broker-a");

    /** A half message as the checker holds it after re-putting it at queue offset 5, commit-log offset 777. */
    private static MessageExt half(String group) {
        Map<String, String> properties = new HashMap<>();
        properties.put(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "UNIQ-9");
        properties.put(MessageConst.PROPERTY_REAL_TOPIC, "TopicA");
        properties.put(MessageConst.PROPERTY_REAL_QUEUE_ID, "2");
        properties.put(MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        properties.put(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, "1");
        if (group != null) {
            properties.put(MessageConst.PROPERTY_PRODUCER_GROUP, group);
        }
        MessageExtBrokerInner msg = TempStore.message(TransactionTopics.HALF_TOPIC, 0, "body", 10, properties);
        msg.setQueueOffset(5);
        msg.setCommitLogOffset(777);
        msg.setMsgId(MessageDecoder.createMessageId(TempStore.STORE_HOST, 777));
        MessageAccessor.setProperties(msg, properties);
        return msg;
    }

    private EmbeddedChannel connect(String group, String clientId) {
        EmbeddedChannel channel = new EmbeddedChannel();
        producers.registerProducer(group, new ClientChannelInfo(channel, clientId, LanguageCode.JAVA, 373, 1_000));
        return channel;
    }

    @Test
    void checkCarriesTheCopyPositionAndTheMessageWithItsRealTopic() throws Exception {
        EmbeddedChannel producer = connect("pg", "client-1");
        assertTrue(sender.sendCheckMessage(half("pg")));

        assertEquals(List.of(producer), targets);
        RemotingCommand request = requests.get(0);
        assertEquals(RequestCode.CHECK_TRANSACTION_STATE, request.getCode());
        CheckTransactionStateRequestHeader header =
            request.decodeCommandCustomHeader(CheckTransactionStateRequestHeader.class);
        assertEquals(5L, header.getTranStateTableOffset());
        assertEquals(777L, header.getCommitLogOffset());
        assertEquals("UNIQ-9", header.getMsgId());
        assertEquals("UNIQ-9", header.getTransactionId());
        assertEquals(MessageDecoder.createMessageId(TempStore.STORE_HOST, 777), header.getOffsetMsgId());
        assertEquals("broker-a", header.getBname());
        MessageExt body = MessageDecoder.decode(ByteBuffer.wrap(request.getBody()));
        assertEquals("TopicA", body.getTopic());
        assertEquals(2, body.getQueueId());
        assertEquals(5, body.getQueueOffset());
        assertEquals(777, body.getCommitLogOffset());
        assertEquals("pg", body.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP));
        assertEquals("body", new String(body.getBody(), StandardCharsets.UTF_8));
    }

    @Test
    void anotherProducerOfTheGroupIsAskedWhenTheFirstIsGone() {
        EmbeddedChannel first = connect("pg", "client-1");
        connect("other", "client-3");
        producers.doChannelCloseEvent("first", first);
        EmbeddedChannel second = connect("pg", "client-2");

        assertTrue(sender.sendCheckMessage(half("pg")));
        assertEquals(1, targets.size());
        assertSame(second, targets.get(0));
    }

    @Test
    void nothingIsSentWithoutAProducerOfTheGroupOrWithoutAGroup() {
        connect("other", "client-3");
        assertFalse(sender.sendCheckMessage(half("pg")));
        assertFalse(sender.sendCheckMessage(half(null)));
        assertEquals(List.of(), requests);
    }
}
