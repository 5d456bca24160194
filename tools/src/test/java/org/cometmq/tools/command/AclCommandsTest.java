package org.cometmq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cometmq.common.AclConfig;
import org.cometmq.common.DataVersion;
import org.cometmq.common.PlainAccessConfig;
import org.cometmq.common.protocol.body.ClusterAclVersionInfo;
import org.junit.jupiter.api.Test;

/** The five ACL sub-commands with 4.9.7's options and output, against a mocked admin. */
class AclCommandsTest {
    private final CommandRunner runner = new CommandRunner();

    @Test
    void updateAclConfigSendsTheAccountAndNeverPrintsTheSecret() throws Exception {
        assertEquals(0, runner.run("updateAclConfig", "-b", Fixtures.MASTER_A, "-a", "newUser01", "-s", "newSecret01",
            "-i", "PUB", "-u", "SUB", "-t", "topicA=PUB,topicB=SUB", "-g", "groupA=SUB", "-m", "true", "-w", "10.0.0.*"));
        PlainAccessConfig expected = new PlainAccessConfig();
        expected.setAccessKey("newUser01");
        expected.setSecretKey("newSecret01");
        expected.setDefaultTopicPerm("PUB");
        expected.setDefaultGroupPerm("SUB");
        expected.setTopicPerms(List.of("topicA=PUB", "topicB=SUB"));
        expected.setGroupPerms(List.of("groupA=SUB"));
        expected.setAdmin(true);
        expected.setWhiteRemoteAddress("10.0.0.*");
        verify(runner.admin).createAndUpdatePlainAccessConfig(Fixtures.MASTER_A, expected);
        assertEquals("create or update plain access config to " + Fixtures.MASTER_A + " success.",
            runner.outLines().get(0));
        assertFalse(runner.out().contains("newSecret01"), runner.out());
    }

    @Test
    void deleteAclConfigOnAClusterReachesMastersAndSlaves() throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        assertEquals(0, runner.run("deleteAclConfig", "-c", "C1", "-a", "oldUser01"));
        verify(runner.admin).deletePlainAccessConfig(Fixtures.MASTER_A, "oldUser01");
        verify(runner.admin).deletePlainAccessConfig(Fixtures.SLAVE_A, "oldUser01");
        assertTrue(runner.out().contains("delete plain access config account from " + Fixtures.SLAVE_A + " success."));
        assertTrue(runner.out().endsWith("account's accesskey is:oldUser01"), runner.out());
    }

    @Test
    void updateGlobalWhiteAddrPassesListAndFile() throws Exception {
        assertEquals(0, runner.run("updateGlobalWhiteAddr", "-b", Fixtures.MASTER_A, "-g", "10.0.0.*,192.168.0.*",
            "-p", "/opt/conf/plain_acl.yml"));
        verify(runner.admin).updateGlobalWhiteAddrConfig(Fixtures.MASTER_A, "10.0.0.*,192.168.0.*",
            "/opt/conf/plain_acl.yml");
        assertEquals("update global white remote addresses to " + Fixtures.MASTER_A + " success.",
            runner.outLines().get(0));
    }

    @Test
    void clusterAclConfigVersionListsEveryFileOfEveryMaster() throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        DataVersion version = new DataVersion();
        version.getCounter().set(3);
        ClusterAclVersionInfo info = new ClusterAclVersionInfo();
        info.setClusterName("C1");
        info.setBrokerName("broker-a");
        info.setBrokerAddr(Fixtures.MASTER_A);
        info.setAclConfigDataVersion(version);
        Map<String, DataVersion> files = new LinkedHashMap<>();
        files.put("/home/conf/plain_acl.yml", version);
        info.setAllAclConfigDataVersion(files);
        when(runner.admin.examineBrokerClusterAclVersionInfo(any())).thenReturn(info);
        assertEquals(0, runner.run("clusterAclConfigVersion", "-c", "C1"));
        List<String> lines = runner.outLines();
        assertTrue(lines.get(0).startsWith("#Cluster Name     #Broker Name"), lines.get(0));
        assertTrue(lines.get(1).contains("/home/conf/plain_acl.yml") && lines.get(1).contains("  3  "), lines.get(1));
        assertEquals("get cluster's plain access config version success.", lines.get(3));
        assertEquals(5, lines.size(), "a header, one row per master (the mock answers the same info), the closing"
            + " line, an empty line: " + lines);
    }

    @Test
    void getAclConfigPrintsGlobalListAndAccounts() throws Exception {
        PlainAccessConfig account = new PlainAccessConfig();
        account.setAccessKey("user0001");
        account.setTopicPerms(List.of("topicA=PUB"));
        AclConfig config = new AclConfig();
        config.setGlobalWhiteAddrs(List.of("10.0.0.*"));
        config.setPlainAccessConfigs(List.of(account));
        when(runner.admin.examineBrokerClusterAclConfig(Fixtures.MASTER_A)).thenReturn(config);
        assertEquals(0, runner.run("getAclConfig", "-b", Fixtures.MASTER_A));
        assertTrue(runner.out().contains("globalWhiteRemoteAddresses: [10.0.0.*]"), runner.out());
        assertTrue(runner.out().contains("  accessKey         : user0001"), runner.out());
        assertTrue(runner.out().contains("  topicPerms        : [topicA=PUB]"), runner.out());
    }
}
