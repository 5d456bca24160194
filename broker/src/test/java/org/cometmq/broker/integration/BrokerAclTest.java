package org.cometmq.broker.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.cometmq.acl.common.AclClientRPCHook;
import org.cometmq.acl.common.SessionCredentials;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.CreateAccessConfigRequestHeader;
import org.cometmq.common.protocol.header.CreateTopicRequestHeader;
import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.netty.NettyClientConfig;
import org.cometmq.remoting.netty.NettyRemotingClient;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A broker with aclEnable=true in this JVM, called by unsigned, user and admin clients. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerAclTest {
    private static final String ACL = String.join("\n",
        "accounts:",
        "  - accessKey: userKey01",
        "    secretKey: userSecret01",
        "    defaultTopicPerm: DENY",
        "    defaultGroupPerm: SUB",
        "    topicPerms:",
        "      - TopicTest=PUB",
        "      - topicA=SUB",
        "  - accessKey: adminKey01",
        "    secretKey: adminSecret01",
        "    admin: true",
        "");

    @TempDir
    static Path dir;
    private InProcessBroker broker;
    private NettyRemotingClient user;
    private NettyRemotingClient admin;

    @BeforeAll
    void start() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/plain_acl.yml"), ACL);
        Properties overrides = new Properties();
        overrides.setProperty("aclEnable", "true");
        overrides.setProperty("rocketmqHome", home.toString());
        broker = new InProcessBroker(dir.resolve("store"), overrides);
        user = signedClient("userKey01", "userSecret01");
        admin = signedClient("adminKey01", "adminSecret01");
    }

    private static NettyRemotingClient signedClient(String ak, String sk) {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.registerRPCHook(new AclClientRPCHook(new SessionCredentials(ak, sk)));
        client.start();
        return client;
    }

    @AfterAll
    void stop() {
        user.shutdown();
        admin.shutdown();
        broker.close();
    }

    private RemotingCommand call(NettyRemotingClient client, int code, CommandCustomHeader header, byte[] body)
        throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, header);
        request.setBody(body);
        return client.invokeSync(broker.addr, request, 10_000);
    }

    private RemotingCommand send(NettyRemotingClient client, int code, String topic) throws Exception {
        Map<String, String> props = Map.of(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, "true");
        return call(client, code, InProcessBroker.sendHeader(topic, 0, props), "x".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unsignedRequestsAreRefusedWithSystemError() throws Exception {
        RemotingCommand response = send(broker.client, RequestCode.SEND_MESSAGE_V2, "TopicTest");
        assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
        assertTrue(response.getRemark().contains("No accessKey is configured"), response.getRemark());
    }

    @Test
    void sendsAreCheckedAgainstTopicPermissionsBatchIncluded() throws Exception {
        assertEquals(ResponseCode.SUCCESS, send(user, RequestCode.SEND_MESSAGE_V2, "TopicTest").getCode());
        RemotingCommand refused = send(user, RequestCode.SEND_MESSAGE_V2, "topicA");
        assertEquals(ResponseCode.SYSTEM_ERROR, refused.getCode());
        assertTrue(refused.getRemark().contains("No default permission for topic:topicA"), refused.getRemark());
        assertEquals(ResponseCode.SYSTEM_ERROR, send(user, RequestCode.SEND_BATCH_MESSAGE, "topicA").getCode());
    }

    @Test
    void adminCodesNeedAnAdminAccount() throws Exception {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader();
        header.setTopic("NewTopic");
        header.setDefaultTopic("TBW102");
        header.setReadQueueNums(1);
        header.setWriteQueueNums(1);
        header.setPerm(6);
        header.setTopicFilterType("SINGLE_TAG");
        RemotingCommand refused = call(user, RequestCode.UPDATE_AND_CREATE_TOPIC, header, null);
        assertEquals(ResponseCode.SYSTEM_ERROR, refused.getCode());
        assertTrue(refused.getRemark().contains("Need admin permission for request code=17"), refused.getRemark());
        assertEquals(ResponseCode.SUCCESS, call(admin, RequestCode.UPDATE_AND_CREATE_TOPIC, header, null).getCode());
        assertEquals(ResponseCode.SYSTEM_ERROR, call(user, RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG, null, null).getCode());
    }

    @Test
    void aclUpdateTakesEffectAtOnceAndAnswersCarryNoSecret() throws Exception {
        CreateAccessConfigRequestHeader header = new CreateAccessConfigRequestHeader();
        header.setAccessKey("newUser01");
        header.setSecretKey("newSecret01");
        header.setDefaultTopicPerm("PUB");
        RemotingCommand created = call(admin, RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, header, null);
        assertEquals(ResponseCode.SUCCESS, created.getCode(), created.getRemark());
        NettyRemotingClient newUser = signedClient("newUser01", "newSecret01");
        try {
            assertEquals(ResponseCode.SUCCESS, send(newUser, RequestCode.SEND_MESSAGE_V2, "AnyTopic").getCode());
        } finally {
            newUser.shutdown();
        }
        RemotingCommand all = call(admin, RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG, null, null);
        String body = new String(all.getBody(), StandardCharsets.UTF_8);
        assertTrue(body.contains("newUser01"), body);
        assertFalse(body.contains("Secret"), body);
        header.setSecretKey("short");
        RemotingCommand bad = call(admin, RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, header, null);
        assertEquals(ResponseCode.UPDATE_AND_CREATE_ACL_CONFIG_FAILED, bad.getCode());
        assertFalse(bad.getRemark().contains("short"), bad.getRemark());
    }

    @Test
    void locationKeysAreRefusedEvenForAdmins() throws Exception {
        String before = broker.controller.getMessageStoreConfig().getStorePathRootDir();
        RemotingCommand refused = call(admin, RequestCode.UPDATE_BROKER_CONFIG, null,
            "storePathRootDir=/tmp/elsewhere\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(ResponseCode.NO_PERMISSION, refused.getCode());
        assertTrue(refused.getRemark().startsWith("Can not update config path: storePathRootDir"), refused.getRemark());
        assertEquals(before, broker.controller.getMessageStoreConfig().getStorePathRootDir());
    }
}
