package org.cometmq.acl.plain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.cometmq.acl.common.AclClientRPCHook;
import org.cometmq.acl.common.AclException;
import org.cometmq.acl.common.SessionCredentials;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.heartbeat.ConsumerData;
import org.cometmq.common.protocol.heartbeat.HeartbeatData;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions per request-code family against the sample ACL (peer 192.168.0.5 unless noted), as ACL.md 6.4 lists. */
class PlainAccessValidatorTest {
    private static final String PEER = "192.168.0.5:40000";
    @TempDir
    Path home;
    private PlainAccessValidator validator;
    private String endTransactionTopic = "TopicTest";

    @BeforeEach
    void setUp() throws Exception {
        AclTestFiles.writeAcl(home, AclTestFiles.SAMPLE);
        validator = new PlainAccessValidator(new PlainPermissionManager(home.toString()), r -> endTransactionTopic);
    }

    private static RemotingCommand request(int code, String... kv) {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, null);
        for (int i = 0; i < kv.length; i += 2) {
            request.addExtField(kv[i], kv[i + 1]);
        }
        return request;
    }

    private static RemotingCommand signed(RemotingCommand request, String ak) {
        new AclClientRPCHook(new SessionCredentials(ak, "12345678")).doBeforeRequest(PEER, request);
        return request;
    }

    private void accept(RemotingCommand request) {
        accept(request, PEER);
    }

    private void accept(RemotingCommand request, String peer) {
        assertDoesNotThrow(() -> validator.validate(validator.parse(request, peer)));
    }

    private String refuse(RemotingCommand request) {
        return assertThrows(AclException.class, () -> validator.validate(validator.parse(request, PEER))).getMessage();
    }

    @Test
    void sendNeedsPubOnTheTopic() {
        accept(signed(request(310, "a", "pg", "b", "TopicTest"), "RocketMQ"));
        assertEquals("No default permission for topic:topicC", refuse(signed(request(310, "a", "pg", "b", "topicC"), "RocketMQ")));
        assertEquals("No default permission for topic:unknownTopic",
            refuse(signed(request(310, "a", "pg", "b", "unknownTopic"), "RocketMQ")));
        accept(signed(request(RequestCode.SEND_MESSAGE, "producerGroup", "pg", "topic", "TopicTest"), "RocketMQ"));
    }

    @Test
    void batchReplyAndEndTransactionAreTopicChecked() {
        refuse(signed(request(RequestCode.SEND_BATCH_MESSAGE, "a", "pg", "b", "topicA"), "RocketMQ"));
        refuse(signed(request(RequestCode.SEND_REPLY_MESSAGE_V2, "a", "pg", "b", "topicC"), "RocketMQ"));
        accept(signed(request(RequestCode.SEND_BATCH_MESSAGE, "a", "pg", "b", "TopicTest"), "RocketMQ"));
        accept(signed(request(RequestCode.END_TRANSACTION, "producerGroup", "pg", "commitLogOffset", "1"), "RocketMQ"));
        endTransactionTopic = "topicA";
        assertEquals("No default permission for topic:topicA",
            refuse(signed(request(RequestCode.END_TRANSACTION, "producerGroup", "pg", "commitLogOffset", "1"), "RocketMQ")));
    }

    @Test
    void retryTopicsFollowTheirGroup() {
        assertEquals("No default permission for group:groupA",
            refuse(signed(request(310, "a", "groupC", "b", "%RETRY%groupA"), "RocketMQ")));
        accept(signed(request(310, "a", "groupA", "b", "%RETRY%groupC"), "RocketMQ"));
        refuse(signed(request(RequestCode.SEND_MESSAGE, "topic", "%RETRY%groupA"), "RocketMQ"));
    }

    @Test
    void pullAndOffsetsNeedSubOnTopicAndGroup() {
        accept(signed(request(11, "consumerGroup", "groupC", "topic", "topicC"), "RocketMQ"));
        assertEquals("No default permission for group:groupA",
            refuse(signed(request(11, "consumerGroup", "groupA", "topic", "topicC"), "RocketMQ")));
        refuse(signed(request(11, "consumerGroup", "groupC", "topic", "TopicTest"), "RocketMQ"));
        refuse(signed(request(15, "consumerGroup", "groupC", "topic", "topicA"), "RocketMQ"));
        refuse(signed(request(14, "consumerGroup", "groupC", "topic", "topicA"), "RocketMQ"));
        accept(signed(request(14, "consumerGroup", "groupC", "topic", "topicB"), "RocketMQ"));
        refuse(signed(request(36, "group", "groupA", "offset", "1"), "RocketMQ"));
        accept(signed(request(36, "group", "groupC", "offset", "1"), "RocketMQ"));
    }

    @Test
    void heartbeatChecksEveryGroupAndSubscribedTopic() {
        accept(signed(heartbeat("groupC", "topicB"), "RocketMQ"));
        assertEquals("No default permission for topic:topicA", refuse(signed(heartbeat("groupC", "topicB", "topicA"), "RocketMQ")));
    }

    private static RemotingCommand heartbeat(String group, String... topics) {
        ConsumerData consumer = new ConsumerData();
        consumer.setGroupName(group);
        for (String topic : topics) {
            SubscriptionData subscription = new SubscriptionData();
            subscription.setTopic(topic);
            subscription.setSubString("*");
            consumer.getSubscriptionDataSet().add(subscription);
        }
        HeartbeatData data = new HeartbeatData();
        data.setClientID("c1");
        data.getConsumerDataSet().add(consumer);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.HEART_BEAT, null);
        request.setBody(data.encode());
        return request;
    }

    @Test
    void adminCodesNeedAnAdminAccount() {
        assertEquals("Need admin permission for request code=17, but accessKey=RocketMQ is not",
            refuse(signed(request(17, "topic", "t"), "RocketMQ")));
        refuse(signed(request(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG), "RocketMQ"));
        refuse(signed(request(RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, "accessKey", "newkey12"), "RocketMQ"));
        accept(signed(request(17, "topic", "t"), "rocketmq2"));
        accept(signed(request(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG), "rocketmq2"));
    }

    @Test
    void authenticationFailuresNameTheCheck() {
        assertEquals("No accessKey is configured", refuse(request(310, "a", "pg", "b", "TopicTest")));
        assertEquals("No acl config for NoSuchKey", refuse(signed(request(310, "b", "TopicTest"), "NoSuchKey")));
        RemotingCommand tampered = signed(request(310, "a", "pg", "b", "TopicTest"), "RocketMQ");
        tampered.setBody("changed".getBytes(StandardCharsets.UTF_8));
        assertEquals("Check signature failed for accessKey=RocketMQ", refuse(tampered));
        RemotingCommand wrongSecret = request(310, "a", "pg", "b", "TopicTest");
        new AclClientRPCHook(new SessionCredentials("RocketMQ", "wrong-secret")).doBeforeRequest(PEER, wrongSecret);
        String remark = refuse(wrongSecret);
        assertEquals("Check signature failed for accessKey=RocketMQ", remark);
    }

    @Test
    void whiteAddressesSkipChecks() {
        accept(request(310, "b", "unknownTopic"), "10.10.103.7:1234");
        RemotingCommand wrongSecret = request(17, "topic", "t");
        new AclClientRPCHook(new SessionCredentials("rocketmq2", "wrong-secret")).doBeforeRequest(PEER, wrongSecret);
        accept(wrongSecret, "192.168.1.9:1234");
    }

    @Test
    void traceSendsAndResourceFreeCodesNeedOnlyAuthentication() {
        accept(signed(request(310, "a", "pg", "b", "RMQ_SYS_TRACE_TOPIC"), "RocketMQ"));
        accept(signed(request(RequestCode.GET_MAX_OFFSET, "topic", "topicA", "queueId", "0"), "RocketMQ"));
    }

    @Test
    void queryMessageSignedWithUniqueKeyFieldIsAccepted() {
        accept(signed(request(12, "topic", "topicC", "key", "k", "_UNIQUE_KEY_QUERY", "true"), "RocketMQ"));
    }

    @Test
    void nameServerChecksOnlyItsAdminCodes() throws Exception {
        PlainAccessValidator namesrv = PlainAccessValidator.forNamesrv(new PlainPermissionManager(home.toString()));
        assertDoesNotThrow(() -> namesrv.validate(namesrv.parse(request(105, "topic", "t"), PEER)));
        assertThrows(AclException.class, () -> namesrv.validate(namesrv.parse(request(318), PEER)));
        RemotingCommand nonAdmin = signed(request(318), "RocketMQ");
        assertThrows(AclException.class, () -> namesrv.validate(namesrv.parse(nonAdmin, PEER)));
        RemotingCommand admin = signed(request(318), "rocketmq2");
        assertDoesNotThrow(() -> namesrv.validate(namesrv.parse(admin, PEER)));
    }
}
