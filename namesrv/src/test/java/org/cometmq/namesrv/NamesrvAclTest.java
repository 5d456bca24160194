package org.cometmq.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cometmq.acl.common.AclClientRPCHook;
import org.cometmq.acl.common.SessionCredentials;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.cometmq.common.protocol.header.namesrv.PutKVConfigRequestHeader;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A name server with aclEnable=true: route queries stay open, state changes need a signed admin account. */
class NamesrvAclTest {
    @TempDir
    Path dir;
    private NamesrvTestServer server;

    @BeforeEach
    void start() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/plain_acl.yml"), "accounts:\n"
            + "  - accessKey: userKey01\n    secretKey: userSecret01\n"
            + "  - accessKey: adminKey01\n    secretKey: adminSecret01\n    admin: true\n");
        server = new NamesrvTestServer(dir, config -> {
            config.setAclEnable(true);
            config.setCometHome(home.toString());
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static RemotingCommand putKv(String accessKey, String secretKey) {
        PutKVConfigRequestHeader header = new PutKVConfigRequestHeader();
        header.setNamespace("ns");
        header.setKey("k");
        header.setValue("v");
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.PUT_KV_CONFIG, header);
        if (accessKey != null) {
            new AclClientRPCHook(new SessionCredentials(accessKey, secretKey)).doBeforeRequest("", request);
        }
        return request;
    }

    @Test
    void routeQueriesNeedNoAccount() throws Exception {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic("NoSuchTopic");
        RemotingCommand response = server.call(RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC,
            header));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, response.getCode());
    }

    @Test
    void stateChangesNeedASignedAdminAccount() throws Exception {
        RemotingCommand unsigned = server.call(putKv(null, null));
        assertEquals(ResponseCode.SYSTEM_ERROR, unsigned.getCode());
        assertTrue(unsigned.getRemark().contains("No accessKey is configured"), unsigned.getRemark());
        RemotingCommand user = server.call(putKv("userKey01", "userSecret01"));
        assertEquals(ResponseCode.SYSTEM_ERROR, user.getCode());
        assertTrue(user.getRemark().contains("Need admin permission for request code=100"), user.getRemark());
        assertEquals(ResponseCode.SUCCESS, server.call(putKv("adminKey01", "adminSecret01")).getCode());
    }
}
