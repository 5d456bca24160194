package org.cometmq.broker.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.protocol.header.CreateTopicRequestHeader;
import org.cometmq.common.sysflag.PullSysFlag;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker started as SLAVE refuses writes as 4.9.7 does, and serves reads only when slaveReadEnable says so. */
class SlaveBrokerTest {
    private static final int SUB_FLAG = PullSysFlag.buildSysFlag(false, false, true, false);

    @TempDir
    Path dir;

    private InProcessBroker slave(String name, boolean slaveReadEnable) throws Exception {
        Properties props = new Properties();
        props.setProperty("brokerRole", "SLAVE");
        props.setProperty("brokerId", "1");
        props.setProperty("slaveReadEnable", Boolean.toString(slaveReadEnable));
        return new InProcessBroker(dir.resolve(name), props);
    }

    @Test
    void aSlaveRefusesSendsWithApachesCodeAndRemark() throws Exception {
        try (InProcessBroker broker = slave("send", false)) {
            RemotingCommand response = broker.send("SlaveTopic", 0, "body", Map.of());
            assertEquals(ResponseCode.SERVICE_NOT_AVAILABLE, response.getCode());
            String remark = response.getRemark();
            assertTrue(remark.startsWith("service not available now. It may be caused by one of the following "
                + "reasons: the broker's disk is full [CL: "), remark);
            assertTrue(remark.endsWith("], messages are put to the slave, message store has been shut down, etc."),
                remark);
        }
    }

    @Test
    void aSlaveRefusesTopicAndGroupChanges() throws Exception {
        try (InProcessBroker broker = slave("admin", false)) {
            CreateTopicRequestHeader header = new CreateTopicRequestHeader();
            header.setTopic("NewTopic");
            header.setDefaultTopic("TBW102");
            header.setReadQueueNums(4);
            header.setWriteQueueNums(4);
            header.setPerm(6);
            header.setTopicFilterType("SINGLE_TAG");
            RemotingCommand response = broker.call(RequestCode.UPDATE_AND_CREATE_TOPIC, header, null);
            assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
            assertEquals("Can't modify topic or subscription group from slave broker, please execute it from master "
                + "broker.", response.getRemark());
            assertNull(broker.controller.getTopicConfigManager().selectTopicConfig("NewTopic"));
        }
    }

    @Test
    void aSlaveWithoutSlaveReadEnableAndWithoutMasterRefusesPulls() throws Exception {
        RemotingCommand response = pullFromSlave("noread", false);
        assertEquals(ResponseCode.NO_PERMISSION, response.getCode(), response.getRemark());
    }

    @Test
    void aSlaveWithSlaveReadEnableServesPulls() throws Exception {
        RemotingCommand response = pullFromSlave("read", true);
        assertEquals(ResponseCode.PULL_NOT_FOUND, response.getCode(), response.getRemark());
    }

    private RemotingCommand pullFromSlave(String name, boolean slaveReadEnable) throws Exception {
        try (InProcessBroker broker = slave(name, slaveReadEnable)) {
            return broker.pull(InProcessBroker.pullHeader("g", "SELF_TEST_TOPIC", 0, 0, SUB_FLAG, 0, "*"));
        }
    }

    @Test
    void theRuntimeInfoNamesTheRoleAndTheVipServerAnswersAdminButNotPulls() throws Exception {
        try (InProcessBroker broker = slave("vip", true)) {
            KVTable info = RemotingSerializable.decode(
                broker.call(RequestCode.GET_BROKER_RUNTIME_INFO, null, null).getBody(), KVTable.class);
            assertEquals("SLAVE", info.getTable().get("brokerRole"));
            String vip = "127.0.0.1:" + broker.controller.getVipRemotingServer().localListenPort();
            RemotingCommand topics = broker.client.invokeSync(vip,
                RemotingCommand.createRequestCommand(RequestCode.GET_ALL_TOPIC_CONFIG, null), 10_000);
            assertEquals(ResponseCode.SUCCESS, topics.getCode());
            assertNotNull(RemotingSerializable.decode(topics.getBody(), TopicConfigSerializeWrapper.class)
                .getTopicConfigTable().get("SELF_TEST_TOPIC"));
            RemotingCommand pull = broker.client.invokeSync(vip, RemotingCommand.createRequestCommand(
                RequestCode.PULL_MESSAGE, InProcessBroker.pullHeader("g", "SELF_TEST_TOPIC", 0, 0, SUB_FLAG, 0, "*")),
                10_000);
            assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, pull.getCode(), pull.getRemark());
        }
    }
}
