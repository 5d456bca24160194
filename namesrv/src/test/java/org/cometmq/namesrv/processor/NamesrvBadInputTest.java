package org.cometmq.namesrv.processor;

import static org.cometmq.namesrv.processor.NamesrvRequestsTest.A;
import static org.cometmq.namesrv.processor.NamesrvRequestsTest.body;
import static org.cometmq.namesrv.processor.NamesrvRequestsTest.registerRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.cometmq.common.UtilAll;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.cometmq.common.protocol.header.namesrv.QueryDataVersionRequestHeader;
import org.cometmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.cometmq.namesrv.NamesrvTestServer;
import org.cometmq.namesrv.routeinfo.BrokerLiveInfo;
import org.cometmq.namesrv.routeinfo.RouteSnapshot;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed requests get SYSTEM_ERROR with a clear remark, change nothing, and the server keeps answering. */
class NamesrvBadInputTest {
    @TempDir
    Path dir;
    NamesrvTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new NamesrvTestServer(dir);
        byte[] json = body(1, "Existing").encode(false);
        RemotingCommand first = server.call(registerRequest("broker-a", A, 0, json, false, UtilAll.crc32(json)));
        assertEquals(ResponseCode.SUCCESS, first.getCode());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The tables in a comparable form (live entries as their timestamps and versions). */
    private String tables() {
        RouteSnapshot s = server.controller.getRouteInfoManager().snapshot();
        StringBuilder live = new StringBuilder();
        for (Map.Entry<String, BrokerLiveInfo> e : s.brokerLiveTable().entrySet()) {
            live.append(e.getKey()).append('@').append(e.getValue().getLastUpdateTimestamp())
                .append(e.getValue().getDataVersion()).append(';');
        }
        return s.topicQueueTable() + "|" + s.brokerAddrTable() + "|" + s.clusterAddrTable() + "|" + live + "|"
            + s.filterServerTable();
    }

    private void assertStillServing() throws Exception {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic("Existing");
        RemotingCommand route = server.call(
            RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header));
        assertEquals(ResponseCode.SUCCESS, route.getCode());
    }

    @Test
    void wrongCrcIsRejected() throws Exception {
        String before = tables();
        server.clock.advance(1_000);
        byte[] json = body(2, "Sneaky").encode(false);
        RemotingCommand response = server.call(registerRequest("broker-a", A, 0, json, false, UtilAll.crc32(json) ^ 1));
        assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
        assertEquals("crc32 not match", response.getRemark());
        assertEquals(before, tables());
        assertStillServing();
    }

    @Test
    void garbageJsonBodyIsRejected() throws Exception {
        String before = tables();
        server.clock.advance(1_000);
        byte[] garbage = "{\"topicConfigSerializeWrapper\":[1,2".getBytes(StandardCharsets.UTF_8);
        RemotingCommand response = server.call(registerRequest("broker-a", A, 0, garbage, false, 0));
        assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
        assertTrue(response.getRemark().startsWith("Failed to decode RegisterBrokerBody from " + A
            + " (compressed=false, " + garbage.length + " bytes): "), response.getRemark());
        assertEquals(before, tables());
        assertStillServing();
    }

    @Test
    void garbageCompressedBodyIsRejected() throws Exception {
        String before = tables();
        byte[] garbage = {0x78, (byte) 0xDA, 1, 2, 3, 4, 5, 6};
        RemotingCommand response = server.call(registerRequest("broker-a", A, 0, garbage, true, UtilAll.crc32(garbage)));
        assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
        assertTrue(response.getRemark().startsWith("Failed to decode RegisterBrokerBody from " + A
            + " (compressed=true, 8 bytes): "), response.getRemark());
        assertEquals(before, tables());
        assertStillServing();
    }

    @Test
    void missingRequiredHeaderFieldIsRejected() throws Exception {
        String before = tables();
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader();
        header.setBrokerName("broker-x");
        header.setClusterName("DefaultCluster");
        header.setHaServerAddr("127.0.0.9:10912");
        header.setBrokerId(0L);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER, header);
        request.setBody(body(1, "X").encode(false));
        RemotingCommand response = server.call(request);
        assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
        assertTrue(response.getRemark().contains("brokerAddr"), response.getRemark());
        assertEquals(before, tables());

        RemotingCommand noTopic = server.call(RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, null));
        assertEquals(ResponseCode.SYSTEM_ERROR, noTopic.getCode());
        assertTrue(noTopic.getRemark().contains("topic"), noTopic.getRemark());
        assertStillServing();
    }

    @Test
    void badDataVersionAndBadConfigValuesAreRejected() throws Exception {
        QueryDataVersionRequestHeader query = new QueryDataVersionRequestHeader();
        query.setBrokerName("broker-a");
        query.setBrokerAddr(A);
        query.setClusterName("DefaultCluster");
        query.setBrokerId(0L);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.QUERY_DATA_VERSION, query);
        request.setBody("not json".getBytes(StandardCharsets.UTF_8));
        RemotingCommand response = server.call(request);
        assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
        assertTrue(response.getRemark().startsWith("QUERY_DATA_VERSION body is not a DataVersion JSON"),
            response.getRemark());

        long interval = server.controller.getNamesrvConfig().getScanNotActiveBrokerInterval();
        RemotingCommand update = RemotingCommand.createRequestCommand(RequestCode.UPDATE_NAMESRV_CONFIG, null);
        update.setBody("orderMessageEnable=true\nscanNotActiveBrokerInterval=soon\n".getBytes(StandardCharsets.UTF_8));
        RemotingCommand updated = server.call(update);
        assertEquals(ResponseCode.SYSTEM_ERROR, updated.getCode());
        assertTrue(updated.getRemark().contains("scanNotActiveBrokerInterval"), updated.getRemark());
        assertEquals(interval, server.controller.getNamesrvConfig().getScanNotActiveBrokerInterval());
        assertEquals(false, server.controller.getNamesrvConfig().isOrderMessageEnable(), "nothing half-applied");
        assertStillServing();
    }
}
