package org.cometmq.acl.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;

/** The worked examples of ACL.md section 5.3, computed by the 4.9.7 hook. */
class AclSignerTest {
    private static final String SIGNED_HEX = "526f636b65744d5150726f647563657247726f757041546f70696354657374544257313032"
        + "3431303137303030303030303030303030574149540174727565023066616c736566616c736548656c6c6f20526f636b65744d51";

    private static RemotingCommand sendRequest() {
        RemotingCommand request = RemotingCommand.createRequestCommand(310, null);
        Map<String, String> fields = Map.ofEntries(Map.entry("a", "ProducerGroupA"), Map.entry("b", "TopicTest"),
            Map.entry("c", "TBW102"), Map.entry("d", "4"), Map.entry("e", "1"), Map.entry("f", "0"),
            Map.entry("g", "1700000000000"), Map.entry("h", "0"), Map.entry("i", "WAIT\u0001true\u0002"),
            Map.entry("j", "0"), Map.entry("k", "false"), Map.entry("m", "false"));
        fields.forEach(request::addExtField);
        request.setBody("Hello RocketMQ".getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void signedBytesAndSignatureMatchTheWorkedExample() {
        RemotingCommand request = sendRequest();
        TreeMap<String, String> fields = new TreeMap<>(request.getExtFields());
        fields.put("AccessKey", "RocketMQ");
        byte[] signed = AclUtils.combineRequestContent(fields, request.getBody());
        assertEquals(SIGNED_HEX, HexFormat.of().formatHex(signed));
        assertEquals("KQbyb19zrebYdLPOn1hA+ROIfOk=", AclSigner.calSignature(signed, "12345678"));
    }

    @Test
    void hookAddsAccessKeyAndTheExpectedSignature() {
        RemotingCommand request = sendRequest();
        new AclClientRPCHook(new SessionCredentials("RocketMQ", "12345678")).doBeforeRequest("127.0.0.1:9876", request);
        assertEquals("RocketMQ", request.getExtFields().get("AccessKey"));
        assertEquals("KQbyb19zrebYdLPOn1hA+ROIfOk=", request.getExtFields().get("Signature"));
    }

    @Test
    void securityTokenIsSignedAndAnEmptyBodyAddsNothing() {
        RemotingCommand request = RemotingCommand.createRequestCommand(310, null);
        request.addExtField("a", "ProducerGroupA");
        request.addExtField("b", "TopicTest");
        new AclClientRPCHook(new SessionCredentials("RocketMQ", "12345678", "token-1"))
            .doBeforeRequest("127.0.0.1:9876", request);
        assertEquals("bG6xEsTAC3ULv/XoLaZyGTCyH7s=", request.getExtFields().get("Signature"));
        assertEquals("token-1", request.getExtFields().get("SecurityToken"));
    }

    @Test
    void fieldSignatureOfTheWorkedExampleEqualsTheCombinedBytesSignature() {
        RemotingCommand request = sendRequest();
        request.addExtField("AccessKey", "RocketMQ");
        request.addExtField("Signature", "left-out");
        assertEquals("KQbyb19zrebYdLPOn1hA+ROIfOk=",
            AclSigner.calSignature(request.getExtFields(), null, request.getBody(), "12345678"));
    }

    @Test
    void fieldSignatureEncodesTheJoinedValuesAsOneString() {
        // a surrogate pair split across two values, other non-ASCII text, a null value and a skipped key
        HashMap<String, String> fields = new HashMap<>();
        fields.put("a", "x\uD83D");
        fields.put("b", "\uDE00y");
        fields.put("c", "caf\u00e9 \u4e2d");
        fields.put("d", null);
        fields.put("_UNIQUE_KEY_QUERY", "true");
        byte[] body = {1, 2, 3};
        for (String secret : new String[] {"12345678", "other-secret", "12345678"}) {
            TreeMap<String, String> sorted = new TreeMap<>(fields);
            assertEquals(AclSigner.calSignature(AclUtils.combineRequestContent(sorted, body), secret),
                AclSigner.calSignature(fields, null, body, secret));
            sorted.remove("_UNIQUE_KEY_QUERY");
            assertEquals(AclSigner.calSignature(AclUtils.combineRequestContent(sorted, body), secret),
                AclSigner.calSignature(fields, "_UNIQUE_KEY_QUERY", body, secret));
        }
    }

    @Test
    void fieldSignatureWithoutFieldsOrBodySignsNothing() {
        assertEquals(AclSigner.calSignature(new byte[0], "12345678"),
            AclSigner.calSignature(null, null, null, "12345678"));
    }

    @Test
    void constantTimeCompareTreatsNullAsMismatch() {
        assertTrue(AclSigner.signaturesEqual("abc=", "abc="));
        assertFalse(AclSigner.signaturesEqual("abc=", "abd="));
        assertFalse(AclSigner.signaturesEqual("abc=", null));
        assertFalse(AclSigner.signaturesEqual(null, "abc="));
        assertFalse(AclSigner.signaturesEqual("abc=", "abc"));
        assertFalse(AclSigner.signaturesEqual("abc", "abc="));
        assertFalse(AclSigner.signaturesEqual("abc\u00e9", "abc\u00e8"));
    }

    @Test
    void credentialsNeverPrintTheSecret() {
        assertFalse(new SessionCredentials("RocketMQ", "12345678").toString().contains("12345678"));
    }
}
