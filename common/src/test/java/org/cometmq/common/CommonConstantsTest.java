package org.cometmq.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cometmq.common.constant.PermName;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.common.sysflag.PullSysFlag;
import org.cometmq.common.sysflag.TopicSysFlag;
import org.cometmq.common.topic.TopicValidator;
import org.junit.jupiter.api.Test;

class CommonConstantsTest {

    @Test
    void versionOrdinalsMatchTheWire() {
        assertEquals(401, MQVersion.Version.V4_9_4.ordinal());
        assertEquals(407, MQVersion.Version.V4_9_7.ordinal());
        assertEquals(413, MQVersion.Version.V5_0_0.ordinal());
        assertEquals(612, MQVersion.Version.HIGHER_VERSION.ordinal());
        assertEquals(0, MQVersion.Version.V3_0_0_SNAPSHOT.ordinal());
        assertEquals(407, MQVersion.CURRENT_VERSION);
        assertEquals("V4_9_7", MQVersion.getVersionDesc(407));
        assertEquals("HIGHER_VERSION", MQVersion.getVersionDesc(9999));
        assertEquals("V3_0_0_SNAPSHOT", MQVersion.getVersionDesc(-5));
        assertEquals(MQVersion.Version.V3_1_8_SNAPSHOT, MQVersion.value2Version(62));
    }

    @Test
    void permissions() {
        assertEquals("RWX", PermName.perm2String(7));
        assertEquals("RW-", PermName.perm2String(6));
        assertEquals("R--", PermName.perm2String(4));
        assertEquals("-W-", PermName.perm2String(2));
        assertEquals("--X", PermName.perm2String(1));
        assertEquals("---", PermName.perm2String(0));
        assertTrue(PermName.isReadable(6));
        assertFalse(PermName.isWriteable(4));
        assertTrue(PermName.isInherited(7));
        assertEquals(8, PermName.PERM_PRIORITY);
    }

    @Test
    void topicValidation() {
        assertNull(TopicValidator.checkTopic("Topic_A-1%|x"));
        assertEquals("The specified topic is blank.", TopicValidator.checkTopic("  "));
        assertEquals("The specified topic is blank.", TopicValidator.checkTopic(null));
        assertEquals("The specified topic contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$",
            TopicValidator.checkTopic("a.b"));
        assertEquals("The specified topic contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$",
            TopicValidator.checkTopic("tópico"));
        assertEquals("The specified topic is longer than topic max length.", TopicValidator.checkTopic("a".repeat(128)));
        assertNull(TopicValidator.checkTopic("a".repeat(127)));

        // The broker answers a bad name with SYSTEM_ERROR and this remark (SendMessageChecker).
        assertTrue(TopicValidator.checkTopic("bad topic").startsWith("The specified topic contains illegal characters"));

        assertTrue(TopicValidator.isSystemTopic("TBW102"));
        assertEquals("The topic[TBW102] is conflict with system topic.", TopicValidator.systemTopicConflictRemark("TBW102"));
        assertTrue(TopicValidator.isSystemTopic("rmq_sys_anything"));
        assertFalse(TopicValidator.isSystemTopic("MyCluster_x"));
        TopicValidator.addSystemTopic("MyCluster_x");
        assertTrue(TopicValidator.isSystemTopic("MyCluster_x"));

        assertTrue(TopicValidator.isNotAllowedSendTopic("SCHEDULE_TOPIC_XXXX"));
        assertEquals("Sending message to topic[SCHEDULE_TOPIC_XXXX] is forbidden.",
            TopicValidator.notAllowedSendRemark("SCHEDULE_TOPIC_XXXX"));
        assertFalse(TopicValidator.isNotAllowedSendTopic("TBW102"));
        assertEquals(6, TopicValidator.getNotAllowedSendTopicSet().size());
        assertTrue(TopicValidator.isTopicOrGroupIllegal("g roup"));
    }

    @Test
    void codes() {
        assertEquals(310, RequestCode.SEND_MESSAGE_V2);
        assertEquals(320, RequestCode.SEND_BATCH_MESSAGE);
        assertEquals(105, RequestCode.GET_ROUTEINFO_BY_TOPIC);
        assertEquals(329, RequestCode.DELETE_EXPIRED_COMMITLOG);
        assertEquals(3, ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertEquals(19, ResponseCode.PULL_NOT_FOUND);
        assertEquals(215, ResponseCode.FLOW_CONTROL);
        assertEquals(206, ResponseCode.CONSUMER_NOT_ONLINE);
    }

    @Test
    void sysFlags() {
        assertEquals(0x301, MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.COMPRESSION_ZLIB_TYPE);
        assertEquals(MessageSysFlag.TRANSACTION_PREPARED_TYPE, MessageSysFlag.getTransactionValue(0x4 | 0x1 | 0x10));
        assertEquals(0x8 | 0x1, MessageSysFlag.resetTransactionValue(0x4 | 0x1, MessageSysFlag.TRANSACTION_COMMIT_TYPE));
        assertEquals(0x300, MessageSysFlag.clearCompressedFlag(0x301));
        assertEquals(0x3, PullSysFlag.buildSysFlag(true, true, false, false));
        assertEquals(0x17, PullSysFlag.buildSysFlag(true, true, true, false, true));
        assertEquals(0x2, PullSysFlag.clearCommitOffsetFlag(0x3));
        assertTrue(PullSysFlag.hasSuspendFlag(0x2));
        assertFalse(PullSysFlag.hasSubscriptionFlag(0x3));
        assertEquals(3, TopicSysFlag.buildSysFlag(true, true));
        assertEquals(2, TopicSysFlag.clearUnitFlag(3));
        assertTrue(TopicSysFlag.hasUnitSubFlag(2));
    }

    @Test
    void mixAllNames() {
        assertEquals("%RETRY%cg", MixAll.getRetryTopic("cg"));
        assertEquals("%DLQ%cg", MixAll.getDLQTopic("cg"));
        assertTrue(MixAll.isSysConsumerGroup("CID_RMQ_SYS_TRANS"));
        assertFalse(MixAll.isSysConsumerGroup("CID_APP"));
        assertEquals("127.0.0.1:10909", MixAll.brokerVIPChannel(true, "127.0.0.1:10911"));
        assertEquals("127.0.0.1:10911", MixAll.brokerVIPChannel(false, "127.0.0.1:10911"));
        assertEquals("NAMESRV_ADDR", MixAll.NAMESRV_ADDR_ENV);
        assertEquals("rocketmq.namesrv.addr", MixAll.NAMESRV_ADDR_PROPERTY);
        assertEquals("_UNIQUE_KEY_QUERY", MixAll.UNIQUE_MSG_QUERY_FLAG);
        assertEquals("DefaultRegion", MixAll.DEFAULT_TRACE_REGION_ID);
        assertEquals(0L, MixAll.MASTER_ID);
    }
}
