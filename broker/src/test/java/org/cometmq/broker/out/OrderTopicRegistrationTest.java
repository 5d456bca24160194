package org.cometmq.broker.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.protocol.header.namesrv.RegisterBrokerResponseHeader;
import org.cometmq.remoting.RemotingClient;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;

/** A registration round hands the ORDER_TOPIC_CONFIG table of the name servers' answer to its listener. */
class OrderTopicRegistrationTest {
    private final RemotingClient client = mock(RemotingClient.class);
    private final BrokerIdentity identity = new BrokerIdentity("C", "b", 0, "127.0.0.1:10911", "127.0.0.1:10912");

    private TopicConfigSerializeWrapper topics() {
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        wrapper.getTopicConfigTable().put("T", new TopicConfig("T", 4, 4, 6));
        return wrapper;
    }

    private void answerWith(byte[] body) throws Exception {
        when(client.getNameServerAddressList()).thenReturn(List.of("127.0.0.1:1"));
        when(client.invokeSync(anyString(), any(RemotingCommand.class), anyLong())).thenAnswer(invocation -> {
            RemotingCommand response = RemotingCommand.createResponseCommand(RegisterBrokerResponseHeader.class);
            response.setCode(ResponseCode.SUCCESS);
            response.setBody(body);
            return response;
        });
    }

    private List<KVTable> registerOnce() {
        List<KVTable> heard = new ArrayList<>();
        BrokerOuterAPI api = new BrokerOuterAPI(client);
        BrokerRegistrationService service = new BrokerRegistrationService(new BrokerConfig(), api, this::topics,
            () -> identity);
        service.setOrderTopicConfigListener(heard::add);
        assertEquals(1, service.registerBrokerAll());
        api.shutdown();
        return heard;
    }

    @Test
    void theOrderTopicTableOfTheAnswerReachesTheListener() throws Exception {
        KVTable table = new KVTable();
        HashMap<String, String> entries = new HashMap<>();
        entries.put("T", "b:4");
        table.setTable(entries);
        answerWith(table.encode());
        List<KVTable> heard = registerOnce();
        assertEquals(1, heard.size());
        assertEquals("b:4", heard.get(0).getTable().get("T"));
    }

    @Test
    void anAnswerWithoutBodyHandsNull() throws Exception {
        answerWith(null);
        List<KVTable> heard = registerOnce();
        assertEquals(1, heard.size());
        assertNull(heard.get(0));
    }
}
