package org.cometmq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.KVTable;
import org.junit.jupiter.api.Test;

class BrokerAndNamesrvCommandsTest {
    private final CommandRunner runner = new CommandRunner();

    @Test
    void brokerStatusPrintsSortedKeys() throws Exception {
        when(runner.admin.fetchBrokerRuntimeStats(Fixtures.MASTER_A)).thenReturn(kv(Map.of("putTps", "1.0 1.0 1.0",
            "brokerVersionDesc", "V4_9_7")));
        assertEquals(0, runner.run("brokerStatus", "-b", Fixtures.MASTER_A));
        assertEquals(List.of(
            "brokerVersionDesc               : V4_9_7",
            "putTps                          : 1.0 1.0 1.0",
            ""), runner.outLines());
    }

    @Test
    void brokerStatusOfClusterPrefixesEachLineWithTheAddress() throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        when(runner.admin.fetchBrokerRuntimeStats(any())).thenReturn(kv(Map.of("runtime", "1")));
        assertEquals(0, runner.run("brokerStatus", "-c", "C1"));
        assertEquals(List.of(
            "127.0.0.1:10911          runtime                         : 1",
            "127.0.0.1:10921          runtime                         : 1",
            "127.0.0.1:20911          runtime                         : 1",
            ""), runner.outLines());
    }

    @Test
    void getBrokerConfigOfClusterShowsMastersThenTheirSlaves() throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        Properties config = new Properties();
        config.setProperty("listenPort", "10911");
        config.setProperty("brokerName", "broker-a");
        when(runner.admin.getBrokerConfig(any())).thenReturn(config);
        assertEquals(0, runner.run("getBrokerConfig", "-c", "C1"));
        String pad = " ".repeat(40);
        assertEquals(List.of(
            "============Master: 127.0.0.1:10911============",
            "brokerName" + pad + "=  broker-a",
            "listenPort" + pad + "=  10911",
            "",
            "============My Master: 127.0.0.1:10911=====Slave: 127.0.0.1:10921============",
            "brokerName" + pad + "=  broker-a",
            "listenPort" + pad + "=  10911",
            "",
            "============Master: 127.0.0.1:20911============",
            "brokerName" + pad + "=  broker-a",
            "listenPort" + pad + "=  10911",
            "",
            ""), runner.outLines());
    }

    @Test
    void updateBrokerConfigOnClusterTriesEveryBrokerAndFailsIfOneRefused() throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        Properties expected = new Properties();
        expected.setProperty("k", "v");
        doThrow(new MQBrokerException(ResponseCode.NO_PERMISSION, "read only", Fixtures.SLAVE_A))
            .when(runner.admin).updateBrokerConfig(eq(Fixtures.SLAVE_A), any());
        assertEquals(1, runner.run("updateBrokerConfig", "-c", "C1", "-k", "k", "-v", "v"));
        verify(runner.admin).updateBrokerConfig(Fixtures.MASTER_A, expected);
        verify(runner.admin).updateBrokerConfig(Fixtures.MASTER_B, expected);
        assertEquals(List.of(
            "update broker config success, 127.0.0.1:10911",
            "update broker config failed, 127.0.0.1:10921: CODE: 16  DESC: read only BROKER: 127.0.0.1:10921",
            "For more information, please visit the url, http://rocketmq.apache.org/docs/faq/",
            "update broker config success, 127.0.0.1:20911",
            ""), runner.outLines());
        assertEquals("mqadmin: 1 broker(s) did not take the new config\n", runner.err());
    }

    @Test
    void wipeWritePermAsksEachNameServer() throws Exception {
        when(runner.admin.getNameServerAddressList()).thenReturn(List.of("127.0.0.1:1", "127.0.0.1:2"));
        when(runner.admin.wipeWritePermOfBroker("127.0.0.1:1", "broker-a")).thenReturn(3);
        when(runner.admin.wipeWritePermOfBroker("127.0.0.1:2", "broker-a")).thenReturn(2);
        assertEquals(0, runner.run("wipeWritePerm", "-b", "broker-a"));
        assertEquals(List.of(
            "wipe write perm of broker[broker-a] in name server[127.0.0.1:1] OK, 3",
            "wipe write perm of broker[broker-a] in name server[127.0.0.1:2] OK, 2",
            ""), runner.outLines());
    }

    @Test
    void addWritePermReportsAFailingNameServerAndExitsNonZero() throws Exception {
        when(runner.admin.getNameServerAddressList()).thenReturn(List.of("127.0.0.1:1", "127.0.0.1:2"));
        when(runner.admin.addWritePermOfBroker("127.0.0.1:1", "broker-a")).thenReturn(4);
        when(runner.admin.addWritePermOfBroker("127.0.0.1:2", "broker-a"))
            .thenThrow(new MQClientException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                "request type 327 not supported"));
        assertEquals(1, runner.run("addWritePerm", "-b", "broker-a"));
        assertEquals(List.of(
            "add write perm of broker[broker-a] in name server[127.0.0.1:1] OK, 4",
            "add write perm of broker[broker-a] in name server[127.0.0.1:2] Failed: error code 3: request type 327 not"
                + " supported",
            ""), runner.outLines());
        assertEquals("mqadmin: 1 of 2 name server(s) failed to add the write perm of broker broker-a\n",
            runner.err());
    }

    @Test
    void kvConfigCommands() throws Exception {
        assertEquals(0, runner.run("updateKvConfig", "-s", "ORDER_TOPIC_CONFIG", "-k", "T", "-v", "broker-a:4"));
        verify(runner.admin).createAndUpdateKvConfig("ORDER_TOPIC_CONFIG", "T", "broker-a:4");
        assertEquals("create or update kv config to namespace success.\n", runner.out());

        CommandRunner delete = new CommandRunner();
        assertEquals(0, delete.run("deleteKvConfig", "-s", "ORDER_TOPIC_CONFIG", "-k", "T"));
        verify(delete.admin).deleteKvConfig("ORDER_TOPIC_CONFIG", "T");
        assertEquals("delete kv config from namespace success.\n", delete.out());
    }

    @Test
    void namesrvConfigCommands() throws Exception {
        Map<String, Properties> configs = new LinkedHashMap<>();
        Properties config = new Properties();
        config.setProperty("orderMessageEnable", "false");
        config.setProperty("listenPort", "9876");
        configs.put("127.0.0.1:9876", config);
        when(runner.admin.getNameServerConfig(null)).thenReturn(configs);
        assertEquals(0, runner.run("getNamesrvConfig"));
        String pad = " ".repeat(50);
        assertEquals(List.of(
            "============127.0.0.1:9876============",
            "listenPort" + pad.substring(10) + "=  9876",
            "orderMessageEnable" + pad.substring(18) + "=  false",
            ""), runner.outLines());

        CommandRunner update = new CommandRunner();
        when(update.admin.getNameServerAddressList()).thenReturn(List.of("127.0.0.1:9876"));
        assertEquals(0, update.run("updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "true"));
        Properties expected = new Properties();
        expected.setProperty("orderMessageEnable", "true");
        verify(update.admin).updateNameServerConfig(expected, null);
        assertEquals("update name server config success![127.0.0.1:9876]\norderMessageEnable : true\n", update.out());
    }

    private static KVTable kv(Map<String, String> entries) {
        KVTable table = new KVTable();
        table.setTable(new HashMap<>(entries));
        return table;
    }
}
