package org.cometmq.common.protocol.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.cometmq.common.TopicFilterType;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.SerializeType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class HeaderCodecTest {

    static SendMessageRequestHeaderV2 sampleV2() {
        SendMessageRequestHeaderV2 h = new SendMessageRequestHeaderV2();
        h.setA("ProducerGroup");
        h.setB("TopicTest");
        h.setC("TBW102");
        h.setD(4);
        h.setE(2);
        h.setF(0);
        h.setG(1700000000000L);
        h.setH(0);
        h.setI("WAIT\u0001true\u0002TAGS\u0001TagA");
        h.setJ(0);
        h.setL(16);
        h.setN("broker-a");
        return h;
    }

    private static RemotingCommand wireRoundTrip(RemotingCommand cmd, SerializeType type) throws Exception {
        cmd.setSerializeTypeCurrentRPC(type);
        ByteBuffer frame = cmd.encode();
        int length = frame.getInt();
        assertEquals(length, frame.remaining());
        return RemotingCommand.decode(frame);
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void sendMessageV2RoundTrip(SerializeType type) throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, sampleV2());
        request.setBody(new byte[] {1, 2, 3});
        RemotingCommand decoded = wireRoundTrip(request, type);

        Map<String, String> expected = new TreeMap<>();
        expected.put("a", "ProducerGroup");
        expected.put("b", "TopicTest");
        expected.put("c", "TBW102");
        expected.put("d", "4");
        expected.put("e", "2");
        expected.put("f", "0");
        expected.put("g", "1700000000000");
        expected.put("h", "0");
        expected.put("i", "WAIT\u0001true\u0002TAGS\u0001TagA");
        expected.put("j", "0");
        expected.put("k", "false");
        expected.put("l", "16");
        expected.put("m", "false");
        expected.put("n", "broker-a");
        assertEquals(expected, new TreeMap<>(decoded.getExtFields()));

        SendMessageRequestHeaderV2 v2 = decoded.decodeCommandCustomHeader(SendMessageRequestHeaderV2.class);
        assertEquals("TopicTest", v2.getB());
        assertEquals(1700000000000L, v2.getG());
        assertEquals(16, v2.getL());
        assertFalse(v2.isM());
        assertNull(v2.getBname());

        SendMessageRequestHeader v1 = SendMessageRequestHeaderV2.createSendMessageRequestHeaderV1(v2);
        assertEquals("ProducerGroup", v1.getProducerGroup());
        assertEquals("TBW102", v1.getDefaultTopic());
        assertEquals(4, v1.getDefaultTopicQueueNums());
        assertEquals(2, v1.getQueueId());
        assertEquals("broker-a", v1.getBname());
        assertEquals("WAIT\u0001true\u0002TAGS\u0001TagA", v1.getProperties());
        RemotingCommand again = RemotingCommand.createRequestCommand(310,
            SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(v1));
        again.makeCustomHeaderToNet();
        assertEquals(expected, new TreeMap<>(again.getExtFields()));
    }

    @Test
    void missingRequiredFieldIsRejected() throws Exception {
        SendMessageRequestHeaderV2 h = sampleV2();
        h.setB(null);
        RemotingCommand decoded = wireRoundTrip(RemotingCommand.createRequestCommand(310, h), SerializeType.JSON);
        RemotingCommandException e = assertThrows(RemotingCommandException.class,
            () -> decoded.decodeCommandCustomHeader(SendMessageRequestHeaderV2.class));
        assertTrue(e.getMessage().contains("<b>"), e.getMessage());
    }

    @Test
    void booleanKeysUseTheJavaFieldNames() throws Exception {
        ResetOffsetRequestHeader reset = new ResetOffsetRequestHeader();
        reset.setTopic("T");
        reset.setGroup("G");
        reset.setTimestamp(5L);
        reset.setForce(true);
        RemotingCommand r = wireRoundTrip(RemotingCommand.createRequestCommand(222, reset), SerializeType.JSON);
        assertEquals("true", r.getExtFields().get("isForce"));
        assertTrue(r.decodeCommandCustomHeader(ResetOffsetRequestHeader.class).isForce());

        GetConsumeStatsInBrokerHeader stats = new GetConsumeStatsInBrokerHeader();
        stats.setIsOrder(true);
        RemotingCommand s = wireRoundTrip(RemotingCommand.createRequestCommand(317, stats), SerializeType.ROCKETMQ);
        assertEquals(Map.of("isOrder", "true"), s.getExtFields());

        UnregisterClientRequestHeader unregister = new UnregisterClientRequestHeader();
        unregister.setClientID("127.0.0.1@1");
        RemotingCommand u = wireRoundTrip(RemotingCommand.createRequestCommand(35, unregister), SerializeType.JSON);
        assertEquals(Map.of("clientID", "127.0.0.1@1"), u.getExtFields());
    }

    @Test
    void bnameTravelsForRpcHeaders() throws Exception {
        PullMessageRequestHeader pull = new PullMessageRequestHeader();
        pull.setConsumerGroup("cg");
        pull.setTopic("T");
        pull.setQueueId(1);
        pull.setQueueOffset(10L);
        pull.setMaxMsgNums(32);
        pull.setSysFlag(3);
        pull.setCommitOffset(9L);
        pull.setSuspendTimeoutMillis(15000L);
        pull.setSubVersion(1L);
        pull.setBname("broker-a");
        RemotingCommand p = wireRoundTrip(RemotingCommand.createRequestCommand(11, pull), SerializeType.JSON);
        assertEquals("broker-a", p.getExtFields().get("bname"));
        assertEquals(10, p.getExtFields().size());
        PullMessageRequestHeader back = p.decodeCommandCustomHeader(PullMessageRequestHeader.class);
        assertEquals("broker-a", back.getBname());
        assertEquals(15000L, back.getSuspendTimeoutMillis());
        assertNull(back.getSubscription());
    }

    @Test
    void headerChecks() throws Exception {
        EndTransactionRequestHeader end = new EndTransactionRequestHeader();
        end.setProducerGroup("pg");
        end.setTranStateTableOffset(1L);
        end.setCommitLogOffset(2L);
        end.setCommitOrRollback(5);
        end.setMsgId("ID");
        RemotingCommand bad = wireRoundTrip(RemotingCommand.createRequestCommand(37, end), SerializeType.JSON);
        assertThrows(RemotingCommandException.class, () -> bad.decodeCommandCustomHeader(EndTransactionRequestHeader.class));
        end.setCommitOrRollback(8);
        RemotingCommand ok = wireRoundTrip(RemotingCommand.createRequestCommand(37, end), SerializeType.JSON);
        EndTransactionRequestHeader decoded = ok.decodeCommandCustomHeader(EndTransactionRequestHeader.class);
        assertEquals(8, decoded.getCommitOrRollback());
        assertEquals(Boolean.FALSE, decoded.getFromTransactionCheck());

        CreateTopicRequestHeader create = new CreateTopicRequestHeader();
        create.setTopic("T");
        create.setDefaultTopic("TBW102");
        create.setReadQueueNums(8);
        create.setWriteQueueNums(8);
        create.setPerm(6);
        create.setTopicFilterType("MULTI_TAG");
        RemotingCommand c = wireRoundTrip(RemotingCommand.createRequestCommand(17, create), SerializeType.JSON);
        assertEquals("false", c.getExtFields().get("order"));
        assertEquals(TopicFilterType.MULTI_TAG,
            c.decodeCommandCustomHeader(CreateTopicRequestHeader.class).getTopicFilterTypeEnum());
        create.setTopicFilterType("WRONG");
        RemotingCommand w = wireRoundTrip(RemotingCommand.createRequestCommand(17, create), SerializeType.JSON);
        assertThrows(RemotingCommandException.class, () -> w.decodeCommandCustomHeader(CreateTopicRequestHeader.class));
    }
}
