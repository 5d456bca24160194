package org.cometmq.namesrv.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.common.DataVersion;
import org.cometmq.common.MQVersion;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.UtilAll;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.body.RegisterBrokerBody;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.protocol.header.namesrv.AddWritePermOfBrokerRequestHeader;
import org.cometmq.common.protocol.header.namesrv.DeleteKVConfigRequestHeader;
import org.cometmq.common.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import org.cometmq.common.protocol.header.namesrv.GetKVConfigRequestHeader;
import org.cometmq.common.protocol.header.namesrv.GetKVListByNamespaceRequestHeader;
import org.cometmq.common.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.cometmq.common.protocol.header.namesrv.PutKVConfigRequestHeader;
import org.cometmq.common.protocol.header.namesrv.QueryDataVersionRequestHeader;
import org.cometmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.cometmq.common.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import org.cometmq.common.protocol.header.namesrv.WipeWritePermOfBrokerRequestHeader;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.namesrv.NamesrvTestServer;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every name-server request through a real NettyRemotingServer and NettyRemotingClient on loopback. */
class NamesrvRequestsTest {
    static final String CLUSTER = "DefaultCluster";
    static final String A = "127.0.0.1:10911";
    static final String B = "127.0.0.2:10911";

    @TempDir
    Path dir;
    NamesrvTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new NamesrvTestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static RegisterBrokerBody body(long counter, String... topics) {
        RegisterBrokerBody body = new RegisterBrokerBody();
        DataVersion version = new DataVersion();
        version.setTimestamp(1700000000000L);
        version.setCounter(new AtomicLong(counter));
        body.getTopicConfigSerializeWrapper().setDataVersion(version);
        for (String topic : topics) {
            body.getTopicConfigSerializeWrapper().getTopicConfigTable().put(topic, new TopicConfig(topic, 4, 4, 6));
        }
        return body;
    }

    static RemotingCommand registerRequest(String brokerName, String addr, long id, byte[] body, boolean compressed,
        int crc) {
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader();
        header.setBrokerName(brokerName);
        header.setBrokerAddr(addr);
        header.setClusterName(CLUSTER);
        header.setHaServerAddr(addr.replace("10911", "10912"));
        header.setBrokerId(id);
        header.setCompressed(compressed);
        header.setBodyCrc32(crc);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER, header);
        request.setVersion(MQVersion.CURRENT_VERSION);
        request.setBody(body);
        return request;
    }

    RemotingCommand register(String brokerName, String addr, long id, RegisterBrokerBody body) throws Exception {
        byte[] json = body.encode(false);
        return server.call(registerRequest(brokerName, addr, id, json, false, UtilAll.crc32(json)));
    }

    RemotingCommand route(String topic) throws Exception {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header);
        // as a 4.9.7 client asks; a command's default version comes from a JVM property other tests may not set
        request.setVersion(MQVersion.Version.V4_9_7.ordinal());
        return server.call(request);
    }

    RemotingCommand noHeader(int code) throws Exception {
        return server.call(RemotingCommand.createRequestCommand(code, null));
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void registerJsonThenReadTheRouteInStandardForm() throws Exception {
        RemotingCommand response = register("broker-a", A, 0, body(1, "TopicTest"));
        assertEquals(ResponseCode.SUCCESS, response.getCode());
        assertNull(response.getBody(), "no ORDER_TOPIC_CONFIG namespace yet");
        assertNull(response.getExtFields() == null ? null : response.getExtFields().get("masterAddr"));

        RemotingCommand routeResponse = route("TopicTest");
        assertEquals(ResponseCode.SUCCESS, routeResponse.getCode());
        assertEquals("{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"" + A + "\"},\"brokerName\":\"broker-a\","
            + "\"cluster\":\"DefaultCluster\"}],\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"broker-a\","
            + "\"perm\":6,\"readQueueNums\":4,\"topicSysFlag\":0,\"writeQueueNums\":4}]}", text(routeResponse.getBody()));
    }

    @Test
    void registerCompressedBodyAndSlaveLearnsItsMaster() throws Exception {
        byte[] compressed = body(1, "Zipped", "Other").encode(true);
        RemotingCommand response = server.call(registerRequest("broker-a", A, 0, compressed, true,
            UtilAll.crc32(compressed)));
        assertEquals(ResponseCode.SUCCESS, response.getCode());
        assertEquals(ResponseCode.SUCCESS, route("Zipped").getCode());
        assertEquals(ResponseCode.SUCCESS, route("Other").getCode());

        RemotingCommand slave = register("broker-a", B, 1, body(9));
        assertEquals(ResponseCode.SUCCESS, slave.getCode());
        assertEquals(A, slave.getExtFields().get("masterAddr"));
        assertEquals("127.0.0.1:10912", slave.getExtFields().get("haServerAddr"));
    }

    @Test
    void registrationWithoutCrcAndLegacyWrapperBodyAreAccepted() throws Exception {
        byte[] json = body(1, "NoCrc").encode(false);
        assertEquals(ResponseCode.SUCCESS, server.call(registerRequest("broker-a", A, 0, json, false, 0)).getCode());
        assertEquals(ResponseCode.SUCCESS, route("NoCrc").getCode());

        byte[] legacy = body(2, "Legacy").getTopicConfigSerializeWrapper().encode();
        RemotingCommand old = registerRequest("broker-b", B, 0, legacy, false, 0);
        old.setVersion(0);
        assertEquals(ResponseCode.SUCCESS, server.call(old).getCode());
        assertEquals(ResponseCode.SUCCESS, route("Legacy").getCode());
    }

    @Test
    void unknownTopicAnswersTopicNotExist() throws Exception {
        RemotingCommand response = route("NoSuchTopic");
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, response.getCode());
        assertEquals("No topic route info in name server for the topic: NoSuchTopic"
            + "\nSee http://rocketmq.apache.org/docs/faq/ for further details.", response.getRemark());
    }

    @Test
    void clusterInfoTopicListsAndSystemTopics() throws Exception {
        register("broker-a", A, 0, body(1, "T1", "T2"));
        register("broker-a", B, 1, body(1));

        RemotingCommand cluster = noHeader(RequestCode.GET_BROKER_CLUSTER_INFO);
        assertEquals(ResponseCode.SUCCESS, cluster.getCode());
        ClusterInfo info = RemotingSerializable.decode(cluster.getBody(), ClusterInfo.class);
        HashMap<Long, String> addrs = new HashMap<>(Map.of(0L, A, 1L, B));
        assertEquals(Map.of("broker-a", new BrokerData(CLUSTER, "broker-a", addrs)), info.getBrokerAddrTable());
        assertEquals(Map.of(CLUSTER, Set.of("broker-a")), info.getClusterAddrTable());

        TopicList all = RemotingSerializable.decode(
            noHeader(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER).getBody(), TopicList.class);
        assertEquals(Set.of("T1", "T2"), all.getTopicList());

        RemotingCommand byCluster = RemotingCommand.createRequestCommand(RequestCode.GET_TOPICS_BY_CLUSTER,
            clusterHeader(CLUSTER));
        assertEquals(Set.of("T1", "T2"),
            RemotingSerializable.decode(server.call(byCluster).getBody(), TopicList.class).getTopicList());

        TopicList system = RemotingSerializable.decode(
            noHeader(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS).getBody(), TopicList.class);
        assertEquals(Set.of(CLUSTER, "broker-a"), system.getTopicList());
        assertTrue(Set.of(A, B).contains(system.getBrokerAddr()));

        for (int code : new int[] {RequestCode.GET_UNIT_TOPIC_LIST, RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST,
            RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST}) {
            RemotingCommand unit = noHeader(code);
            assertEquals(ResponseCode.SUCCESS, unit.getCode());
            assertEquals("{\"topicList\":[]}", text(unit.getBody()));
        }
    }

    static TopicsByClusterRequestHeader clusterHeader(String cluster) {
        TopicsByClusterRequestHeader header = new TopicsByClusterRequestHeader();
        header.setCluster(cluster);
        return header;
    }

    @Test
    void kvPutGetListDelete() throws Exception {
        PutKVConfigRequestHeader put = new PutKVConfigRequestHeader();
        put.setNamespace("ns");
        put.setKey("k");
        put.setValue("v");
        assertEquals(ResponseCode.SUCCESS,
            server.call(RemotingCommand.createRequestCommand(RequestCode.PUT_KV_CONFIG, put)).getCode());

        GetKVConfigRequestHeader get = new GetKVConfigRequestHeader();
        get.setNamespace("ns");
        get.setKey("k");
        RemotingCommand got = server.call(RemotingCommand.createRequestCommand(RequestCode.GET_KV_CONFIG, get));
        assertEquals(ResponseCode.SUCCESS, got.getCode());
        assertEquals("v", got.getExtFields().get("value"));

        GetKVListByNamespaceRequestHeader list = new GetKVListByNamespaceRequestHeader();
        list.setNamespace("ns");
        RemotingCommand listed = server.call(RemotingCommand.createRequestCommand(RequestCode.GET_KVLIST_BY_NAMESPACE, list));
        assertEquals(Map.of("k", "v"), RemotingSerializable.decode(listed.getBody(), KVTable.class).getTable());

        DeleteKVConfigRequestHeader delete = new DeleteKVConfigRequestHeader();
        delete.setNamespace("ns");
        delete.setKey("k");
        assertEquals(ResponseCode.SUCCESS,
            server.call(RemotingCommand.createRequestCommand(RequestCode.DELETE_KV_CONFIG, delete)).getCode());
        RemotingCommand gone = server.call(RemotingCommand.createRequestCommand(RequestCode.GET_KV_CONFIG, get));
        assertEquals(ResponseCode.QUERY_NOT_FOUND, gone.getCode());
        assertEquals(ResponseCode.QUERY_NOT_FOUND,
            server.call(RemotingCommand.createRequestCommand(RequestCode.GET_KVLIST_BY_NAMESPACE, list)).getCode());
    }

    @Test
    void orderTopicConfigFlowsToRegistrationAndRoutesWhenEnabled() throws Exception {
        PutKVConfigRequestHeader put = new PutKVConfigRequestHeader();
        put.setNamespace("ORDER_TOPIC_CONFIG");
        put.setKey("Ordered");
        put.setValue("broker-a:4");
        server.call(RemotingCommand.createRequestCommand(RequestCode.PUT_KV_CONFIG, put));

        RemotingCommand registered = register("broker-a", A, 0, body(1, "Ordered"));
        assertEquals("{\"table\":{\"Ordered\":\"broker-a:4\"}}", text(registered.getBody()));
        assertTrue(!text(route("Ordered").getBody()).contains("orderTopicConf"), "off by default");

        RemotingCommand update = RemotingCommand.createRequestCommand(RequestCode.UPDATE_NAMESRV_CONFIG, null);
        update.setBody("orderMessageEnable=true\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(ResponseCode.SUCCESS, server.call(update).getCode());
        assertTrue(text(route("Ordered").getBody()).contains("\"orderTopicConf\":\"broker-a:4\""));

        String config = text(noHeader(RequestCode.GET_NAMESRV_CONFIG).getBody());
        assertTrue(config.contains("orderMessageEnable=true\n"), config);
        assertTrue(config.contains("listenPort=0\n"), config);
    }

    @Test
    void updateConfigRefusesBlackListedKeys() throws Exception {
        String before = server.controller.getNamesrvConfig().getKvConfigPath();
        RemotingCommand update = RemotingCommand.createRequestCommand(RequestCode.UPDATE_NAMESRV_CONFIG, null);
        update.setBody("kvConfigPath=/tmp/evil.json\norderMessageEnable=true\n".getBytes(StandardCharsets.UTF_8));
        RemotingCommand response = server.call(update);
        assertEquals(ResponseCode.NO_PERMISSION, response.getCode());
        assertTrue(response.getRemark().startsWith("Can not update config path: kvConfigPath "), response.getRemark());
        assertEquals(before, server.controller.getNamesrvConfig().getKvConfigPath());
        assertEquals(false, server.controller.getNamesrvConfig().isOrderMessageEnable());

        update.setBody("configStorePath=/tmp/x\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(ResponseCode.NO_PERMISSION, server.call(update).getCode());
    }

    @Test
    void wipeAndAddWritePermissionReturnCounts() throws Exception {
        register("broker-a", A, 0, body(1, "T1", "T2"));
        WipeWritePermOfBrokerRequestHeader wipe = new WipeWritePermOfBrokerRequestHeader();
        wipe.setBrokerName("broker-a");
        RemotingCommand wiped = server.call(RemotingCommand.createRequestCommand(RequestCode.WIPE_WRITE_PERM_OF_BROKER, wipe));
        assertEquals(ResponseCode.SUCCESS, wiped.getCode());
        assertEquals("2", wiped.getExtFields().get("wipeTopicCount"));
        assertTrue(text(route("T1").getBody()).contains("\"perm\":4"));

        AddWritePermOfBrokerRequestHeader add = new AddWritePermOfBrokerRequestHeader();
        add.setBrokerName("broker-a");
        RemotingCommand added = server.call(RemotingCommand.createRequestCommand(RequestCode.ADD_WRITE_PERM_OF_BROKER, add));
        assertEquals("2", added.getExtFields().get("addTopicCount"));
        assertTrue(text(route("T1").getBody()).contains("\"perm\":6"));
    }

    @Test
    void deleteTopicQueryDataVersionAndUnregister() throws Exception {
        register("broker-a", A, 0, body(3, "T1", "T2"));
        DeleteTopicFromNamesrvRequestHeader delete = new DeleteTopicFromNamesrvRequestHeader();
        delete.setTopic("T1");
        assertEquals(ResponseCode.SUCCESS,
            server.call(RemotingCommand.createRequestCommand(RequestCode.DELETE_TOPIC_IN_NAMESRV, delete)).getCode());
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, route("T1").getCode());

        QueryDataVersionRequestHeader query = new QueryDataVersionRequestHeader();
        query.setBrokerName("broker-a");
        query.setBrokerAddr(A);
        query.setClusterName(CLUSTER);
        query.setBrokerId(0L);
        RemotingCommand same = RemotingCommand.createRequestCommand(RequestCode.QUERY_DATA_VERSION, query);
        same.setBody(body(3).getTopicConfigSerializeWrapper().getDataVersion().encode());
        RemotingCommand sameResponse = server.call(same);
        assertEquals("false", sameResponse.getExtFields().get("changed"));
        assertEquals("{\"counter\":3,\"timestamp\":1700000000000}", text(sameResponse.getBody()));
        RemotingCommand newer = RemotingCommand.createRequestCommand(RequestCode.QUERY_DATA_VERSION, query);
        newer.setBody(body(4).getTopicConfigSerializeWrapper().getDataVersion().encode());
        assertEquals("true", server.call(newer).getExtFields().get("changed"));

        UnRegisterBrokerRequestHeader unregister = new UnRegisterBrokerRequestHeader();
        unregister.setBrokerName("broker-a");
        unregister.setBrokerAddr(A);
        unregister.setClusterName(CLUSTER);
        unregister.setBrokerId(0L);
        assertEquals(ResponseCode.SUCCESS,
            server.call(RemotingCommand.createRequestCommand(RequestCode.UNREGISTER_BROKER, unregister)).getCode());
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, route("T2").getCode());
        ClusterInfo info = RemotingSerializable.decode(noHeader(RequestCode.GET_BROKER_CLUSTER_INFO).getBody(),
            ClusterInfo.class);
        assertEquals(Map.of(), info.getBrokerAddrTable());
    }

    @Test
    void unknownCodeIsNotSupported() throws Exception {
        RemotingCommand response = noHeader(9999);
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, response.getCode());
        assertEquals(" request type 9999 not supported", response.getRemark());
    }
}
