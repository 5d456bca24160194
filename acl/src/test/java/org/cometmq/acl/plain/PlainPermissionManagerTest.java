package org.cometmq.acl.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cometmq.acl.common.AclException;
import org.cometmq.common.AclConfig;
import org.cometmq.common.PlainAccessConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, hot reload, malformed files and remote updates of the ACL files. */
class PlainPermissionManagerTest {
    @TempDir
    Path home;

    private static final String ONE_ACCOUNT = "accounts:\n  - accessKey: newAccount1\n    secretKey: newSecret1\n"
        + "    defaultTopicPerm: PUB\n";

    @Test
    void loadsTheSampleAndCreatesAMissingFile() throws Exception {
        AclTestFiles.writeAcl(home, AclTestFiles.SAMPLE);
        PlainPermissionManager manager = new PlainPermissionManager(home.toString());
        assertNotNull(manager.snapshot().account("RocketMQ"));
        assertTrue(manager.snapshot().globalWhiteListed("10.10.103.9"));

        Path other = home.resolve("other");
        PlainPermissionManager empty = new PlainPermissionManager(other.toString());
        assertTrue(Files.isRegularFile(other.resolve("conf/plain_acl.yml")));
        assertNull(empty.snapshot().account("RocketMQ"));
    }

    @Test
    void watcherReloadsAChangedFile() throws Exception {
        Path file = AclTestFiles.writeAcl(home, AclTestFiles.SAMPLE);
        PlainPermissionManager manager = new PlainPermissionManager(home.toString());
        AclFileWatcher watcher = new AclFileWatcher(manager, AclFileWatcher.DEFAULT_INTERVAL_MILLIS);
        watcher.checkOnce();
        Files.writeString(file, ONE_ACCOUNT);
        file.toFile().setLastModified(file.toFile().lastModified() + 2000);
        watcher.checkOnce();
        assertNotNull(manager.snapshot().account("newAccount1"));
        assertNull(manager.snapshot().account("RocketMQ"));
    }

    @Test
    void watcherPicksUpAnExtraFileUnderConfAcl() throws Exception {
        AclTestFiles.writeAcl(home, AclTestFiles.SAMPLE);
        PlainPermissionManager manager = new PlainPermissionManager(home.toString());
        AclFileWatcher watcher = new AclFileWatcher(manager, AclFileWatcher.DEFAULT_INTERVAL_MILLIS);
        watcher.checkOnce();
        Path extra = home.resolve("conf/acl/team.yaml");
        Files.createDirectories(extra.getParent());
        Files.writeString(extra, ONE_ACCOUNT);
        watcher.checkOnce();
        assertNotNull(manager.snapshot().account("newAccount1"));
        assertNotNull(manager.snapshot().account("RocketMQ"));
    }

    @Test
    void malformedFileKeepsThePreviousAccounts() throws Exception {
        Path file = AclTestFiles.writeAcl(home, AclTestFiles.SAMPLE);
        PlainPermissionManager manager = new PlainPermissionManager(home.toString());
        Files.writeString(file, "accounts:\n  - accessKey: [unclosed\n");
        assertFalse(manager.reload());
        assertNotNull(manager.snapshot().account("RocketMQ"));
        Files.writeString(file, "accounts:\n  - accessKey: short\n    secretKey: 12345678\n");
        assertFalse(manager.reload());
        assertNotNull(manager.snapshot().account("RocketMQ"));
        Files.writeString(file, "globalWhiteRemoteAddresses:\n  - 192.168.*\n");
        assertFalse(manager.reload());
        assertNotNull(manager.snapshot().account("RocketMQ"));
    }

    @Test
    void aBrokenFileAtStartIsAClearError() throws Exception {
        AclTestFiles.writeAcl(home, "accounts: not-a-list\n");
        AclException e = assertThrows(AclException.class, () -> new PlainPermissionManager(home.toString()));
        assertTrue(e.getMessage().contains("accounts must be a list"), e.getMessage());
    }

    @Test
    void remoteUpdateAddsMergesAndDeletesAccounts() throws Exception {
        Path file = AclTestFiles.writeAcl(home, AclTestFiles.SAMPLE);
        PlainPermissionManager manager = new PlainPermissionManager(home.toString());
        PlainAccessConfig added = new PlainAccessConfig();
        added.setAccessKey("newAccount1");
        added.setSecretKey("newSecret1");
        added.setDefaultTopicPerm("PUB");
        added.setTopicPerms(List.of("topicX=SUB"));
        assertTrue(manager.updateAccessConfig(added));
        assertEquals(1, manager.getAclConfigDataVersion().getCounter().get());
        assertNotNull(manager.snapshot().account("newAccount1"));

        PlainAccessConfig secretOnly = new PlainAccessConfig();
        secretOnly.setAccessKey("newAccount1");
        secretOnly.setSecretKey("newSecret2");
        manager.updateAccessConfig(secretOnly);
        PlainAccount merged = manager.snapshot().account("newAccount1");
        assertEquals("newSecret2", merged.secretKey());
        assertTrue(Files.readString(file).contains("topicX=SUB"));

        assertTrue(manager.deleteAccessConfig("newAccount1"));
        assertFalse(manager.deleteAccessConfig("newAccount1"));
        assertNull(manager.snapshot().account("newAccount1"));
        assertNotNull(manager.snapshot().account("RocketMQ"));
    }

    @Test
    void remoteUpdateRefusesBadInputAndKeepsTheFile() throws Exception {
        Path file = AclTestFiles.writeAcl(home, AclTestFiles.SAMPLE);
        PlainPermissionManager manager = new PlainPermissionManager(home.toString());
        PlainAccessConfig bad = new PlainAccessConfig();
        bad.setAccessKey("newAccount1");
        bad.setSecretKey("short");
        AclException e = assertThrows(AclException.class, () -> manager.updateAccessConfig(bad));
        assertFalse(e.getMessage().contains("short"), "the secret must not be echoed: " + e.getMessage());
        bad.setSecretKey("longEnough");
        bad.setTopicPerms(List.of("topicX=ALL"));
        assertThrows(AclException.class, () -> manager.updateAccessConfig(bad));
        assertEquals(AclTestFiles.SAMPLE, Files.readString(file));
    }

    @Test
    void globalWhiteUpdateWritesOnlyFilesUnderHome() throws Exception {
        AclTestFiles.writeAcl(home, AclTestFiles.SAMPLE);
        PlainPermissionManager manager = new PlainPermissionManager(home.toString());
        assertTrue(manager.updateGlobalWhiteAddrsConfig(List.of("10.0.0.*", "127.0.0.1"), null));
        assertTrue(manager.snapshot().globalWhiteListed("10.0.0.5"));
        assertFalse(manager.snapshot().globalWhiteListed("10.10.103.9"));
        assertFalse(manager.updateGlobalWhiteAddrsConfig(List.of("1.1.1.1"), "/etc/passwd"));
        assertThrows(AclException.class, () -> manager.updateGlobalWhiteAddrsConfig(List.of("192.168.*"), null));
    }

    @Test
    void reportedConfigNeverCarriesSecrets() throws Exception {
        AclTestFiles.writeAcl(home, AclTestFiles.SAMPLE);
        AclConfig config = new PlainPermissionManager(home.toString()).getAllAclConfig();
        assertEquals(List.of("10.10.103.*"), config.getGlobalWhiteAddrs());
        assertEquals(2, config.getPlainAccessConfigs().size());
        config.getPlainAccessConfigs().forEach(a -> assertNull(a.getSecretKey()));
    }
}
