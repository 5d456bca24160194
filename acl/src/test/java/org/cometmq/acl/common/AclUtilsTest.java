package org.cometmq.acl.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials for command-line tools from conf/tools.yml, as 4.9.7 reads them. */
class AclUtilsTest {
    @TempDir
    Path dir;

    @Test
    void readsAccessAndSecretKey() throws Exception {
        Path file = dir.resolve("tools.yml");
        Files.writeString(file, "accessKey: rocketmq2\nsecretKey: 12345678\n");
        AclClientRPCHook hook = (AclClientRPCHook) AclUtils.getAclRPCHook(file.toString());
        assertEquals("rocketmq2", hook.getSessionCredentials().getAccessKey());
        assertEquals("12345678", hook.getSessionCredentials().getSecretKey());
    }

    @Test
    void missingFileOrBlankKeyMeansUnsigned() throws Exception {
        assertNull(AclUtils.getAclRPCHook(dir.resolve("absent.yml").toString()));
        Path file = dir.resolve("tools.yml");
        Files.writeString(file, "accessKey: rocketmq2\nsecretKey:\n");
        assertNull(AclUtils.getAclRPCHook(file.toString()));
    }
}
