package org.cometmq.broker.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.UtilAll;
import org.cometmq.common.namesrv.RegisterBrokerResult;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.RegisterBrokerBody;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.cometmq.common.protocol.header.namesrv.RegisterBrokerResponseHeader;
import org.cometmq.remoting.RemotingClient;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;

/** Registration requests as the name servers receive them, against a fake remoting client. */
class BrokerOuterAPITest {
    private final Map<String, RemotingCommand> sent = new ConcurrentHashMap<>();
    private final RemotingClient client = mock(RemotingClient.class);
    private final BrokerIdentity identity = new BrokerIdentity("C", "b", 0, "127.0.0.1:10911", "127.0.0.1:10912");

    private TopicConfigSerializeWrapper topics() {
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        wrapper.getTopicConfigTable().put("T", new TopicConfig("T", 4, 4, 6));
        wrapper.getDataVersion().nextVersion();
        return wrapper;
    }

    private void answer(String masterAddr) throws Exception {
        when(client.getNameServerAddressList()).thenReturn(List.of("127.0.0.1:1", "127.0.0.1:2"));
        when(client.invokeSync(anyString(), any(RemotingCommand.class), anyLong())).thenAnswer(invocation -> {
            String addr = invocation.getArgument(0);
            RemotingCommand request = invocation.getArgument(1);
            request.makeCustomHeaderToNet();
            sent.put(addr, request);
            RemotingCommand response = RemotingCommand.createResponseCommand(RegisterBrokerResponseHeader.class);
            response.setCode(ResponseCode.SUCCESS);
            ((RegisterBrokerResponseHeader) response.readCustomHeader()).setMasterAddr(masterAddr);
            return response;
        });
    }

    @Test
    void registersWithEveryNameServerCarryingTopicsAndCrc() throws Exception {
        answer("10.0.0.1:10911");
        BrokerOuterAPI api = new BrokerOuterAPI(client);
        List<RegisterBrokerResult> results = api.registerBrokerAll(identity, topics(), false, 3_000, false);
        assertEquals(2, results.size());
        assertEquals("10.0.0.1:10911", results.get(0).getMasterAddr());
        assertEquals(2, sent.size());
        for (RemotingCommand request : sent.values()) {
            assertEquals(RequestCode.REGISTER_BROKER, request.getCode());
            RegisterBrokerRequestHeader header = request.decodeCommandCustomHeader(RegisterBrokerRequestHeader.class);
            assertEquals("b", header.getBrokerName());
            assertEquals("127.0.0.1:10911", header.getBrokerAddr());
            assertEquals("127.0.0.1:10912", header.getHaServerAddr());
            assertEquals(0L, header.getBrokerId());
            assertEquals(UtilAll.crc32(request.getBody()), header.getBodyCrc32());
            RegisterBrokerBody body = RegisterBrokerBody.decode(request.getBody(), false);
            assertEquals(new TopicConfig("T", 4, 4, 6), body.getTopicConfigSerializeWrapper().getTopicConfigTable().get("T"));
        }
        api.shutdown();
    }

    @Test
    void compressedRegistrationDecodesToTheSameTopics() throws Exception {
        answer(null);
        BrokerOuterAPI api = new BrokerOuterAPI(client);
        TopicConfigSerializeWrapper topics = topics();
        api.registerBrokerAll(identity, topics, false, 3_000, true);
        RemotingCommand request = sent.values().iterator().next();
        RegisterBrokerRequestHeader header = request.decodeCommandCustomHeader(RegisterBrokerRequestHeader.class);
        assertTrue(header.isCompressed());
        RegisterBrokerBody body = RegisterBrokerBody.decode(request.getBody(), true);
        assertEquals(topics.getDataVersion(), body.getTopicConfigSerializeWrapper().getDataVersion());
        assertEquals(4, body.getTopicConfigSerializeWrapper().getTopicConfigTable().get("T").getWriteQueueNums());
        api.shutdown();
    }

    @Test
    void brokerWithoutWritePermissionReportsItForEveryTopic() throws Exception {
        answer(null);
        BrokerConfig config = new BrokerConfig();
        config.setBrokerPermission(4);
        BrokerOuterAPI api = new BrokerOuterAPI(client);
        BrokerRegistrationService service = new BrokerRegistrationService(config, api, this::topics, () -> identity);
        assertEquals(2, service.registerBrokerAll());
        RegisterBrokerBody body = RegisterBrokerBody.decode(sent.values().iterator().next().getBody(), false);
        assertEquals(4, body.getTopicConfigSerializeWrapper().getTopicConfigTable().get("T").getPerm());
        api.shutdown();
    }
}
