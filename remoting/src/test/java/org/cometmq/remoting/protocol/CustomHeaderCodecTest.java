package org.cometmq.remoting.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;
import org.cometmq.remoting.annotation.CFNullable;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.junit.jupiter.api.Test;

/** Custom header fields to and from extFields, over both header serializations. */
class CustomHeaderCodecTest {

    /** Every supported field type, primitive and boxed, plus fields that must never travel. */
    public static class AllTypesHeader implements CommandCustomHeader {
        public static final String CONSTANT = "not a field";
        @CFNotNull
        private String name;
        private int count;
        @CFNullable
        private Integer boxedCount;
        private long offset;
        private Long boxedOffset;
        private boolean flag;
        private Boolean boxedFlag;
        private double ratio;
        private Double boxedRatio;
        private transient String scratch;
    }

    /** A header with a superclass field, like the 4.x headers that inherit {@code bname}. */
    public static class BaseHeader implements CommandCustomHeader {
        protected String bname;
    }

    public static class DerivedHeader extends BaseHeader {
        @CFNotNull
        private Integer queueId;
    }

    public static class CheckedHeader implements CommandCustomHeader {
        private int size;

        @Override
        public void checkFields() throws RemotingCommandException {
            if (size < 0) {
                throw new RemotingCommandException("size must not be negative: " + size);
            }
        }
    }

    private static AllTypesHeader sample() {
        AllTypesHeader h = new AllTypesHeader();
        h.name = "héllo \"q\"";
        h.count = -7;
        h.boxedCount = 2147483647;
        h.offset = 9_000_000_000L;
        h.boxedOffset = -1L;
        h.flag = true;
        h.boxedFlag = false;
        h.ratio = 0.25;
        h.boxedRatio = 1.5E10;
        h.scratch = "local only";
        return h;
    }

    private static RemotingCommand overTheWire(RemotingCommand cmd, SerializeType type) throws RemotingCommandException {
        cmd.setSerializeTypeCurrentRPC(type);
        java.nio.ByteBuffer frame = cmd.encode();
        frame.getInt(); // strip the length prefix as the frame decoder does
        return RemotingCommand.decode(frame.slice());
    }

    @Test
    void encodesEveryNonNullFieldAsString() {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(10, sample());
        cmd.makeCustomHeaderToNet();
        Map<String, String> expected = new HashMap<>();
        expected.put("name", "héllo \"q\"");
        expected.put("count", "-7");
        expected.put("boxedCount", "2147483647");
        expected.put("offset", "9000000000");
        expected.put("boxedOffset", "-1");
        expected.put("flag", "true");
        expected.put("boxedFlag", "false");
        expected.put("ratio", "0.25");
        expected.put("boxedRatio", "1.5E10");
        assertEquals(expected, cmd.getExtFields());
    }

    @Test
    void roundTripsEveryTypeOverJsonAndBinary() throws Exception {
        for (SerializeType type : SerializeType.values()) {
            RemotingCommand decoded = overTheWire(RemotingCommand.createRequestCommand(10, sample()), type);
            AllTypesHeader h = decoded.decodeCommandCustomHeader(AllTypesHeader.class);
            assertEquals("héllo \"q\"", h.name, type.name());
            assertEquals(-7, h.count);
            assertEquals(Integer.valueOf(2147483647), h.boxedCount);
            assertEquals(9_000_000_000L, h.offset);
            assertEquals(Long.valueOf(-1L), h.boxedOffset);
            assertTrue(h.flag);
            assertEquals(Boolean.FALSE, h.boxedFlag);
            assertEquals(0.25, h.ratio);
            assertEquals(Double.valueOf(1.5E10), h.boxedRatio);
            assertNull(h.scratch);
            assertEquals(9, decoded.getExtFields().size());
        }
    }

    @Test
    void absentOptionalFieldsStayNullOrDefault() throws Exception {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(10, null);
        cmd.addExtField("name", "only");
        AllTypesHeader h = cmd.decodeCommandCustomHeader(AllTypesHeader.class);
        assertEquals("only", h.name);
        assertEquals(0, h.count);
        assertNull(h.boxedCount);
        assertNull(h.boxedFlag);
        assertFalse(h.flag);
    }

    @Test
    void booleanParsingFollowsJavaRules() throws Exception {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(10, null);
        cmd.addExtField("name", "n");
        cmd.addExtField("flag", "TRUE");
        cmd.addExtField("boxedFlag", "yes");
        AllTypesHeader h = cmd.decodeCommandCustomHeader(AllTypesHeader.class);
        assertTrue(h.flag);
        assertEquals(Boolean.FALSE, h.boxedFlag);
    }

    @Test
    void missingRequiredFieldNamesFieldAndHeader() {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(10, null);
        cmd.addExtField("count", "1");
        RemotingCommandException e = assertThrows(RemotingCommandException.class,
            () -> cmd.decodeCommandCustomHeader(AllTypesHeader.class));
        assertEquals("the custom field <name> is null in header " + AllTypesHeader.class.getName()
            + ": the peer did not send this required field", e.getMessage());
    }

    @Test
    void missingRequiredFieldWithNoExtFieldsAtAll() {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(10, null);
        RemotingCommandException e = assertThrows(RemotingCommandException.class,
            () -> cmd.decodeCommandCustomHeader(AllTypesHeader.class));
        assertTrue(e.getMessage().startsWith("the custom field <name> is null"), e.getMessage());
    }

    @Test
    void unparsableIntRaisesExceptionNamingFieldAndValue() {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(10, null);
        cmd.addExtField("name", "n");
        cmd.addExtField("count", "12x");
        RemotingCommandException e = assertThrows(RemotingCommandException.class,
            () -> cmd.decodeCommandCustomHeader(AllTypesHeader.class));
        assertEquals("the custom field <count> of header " + AllTypesHeader.class.getName()
            + " has value '12x' which is not a valid int", e.getMessage());
        assertInstanceOf(NumberFormatException.class, e.getCause());
    }

    @Test
    void unparsableLongAndDoubleRaiseExceptions() {
        RemotingCommand longCmd = RemotingCommand.createRequestCommand(10, null);
        longCmd.addExtField("name", "n");
        longCmd.addExtField("boxedOffset", "");
        assertEquals("the custom field <boxedOffset> of header " + AllTypesHeader.class.getName()
                + " has value '' which is not a valid long",
            assertThrows(RemotingCommandException.class, () -> longCmd.decodeCommandCustomHeader(AllTypesHeader.class))
                .getMessage());
        RemotingCommand doubleCmd = RemotingCommand.createRequestCommand(10, null);
        doubleCmd.addExtField("name", "n");
        doubleCmd.addExtField("ratio", "half");
        assertTrue(assertThrows(RemotingCommandException.class,
            () -> doubleCmd.decodeCommandCustomHeader(AllTypesHeader.class)).getMessage().endsWith("not a valid double"));
    }

    @Test
    void superclassFieldsTravelToo() throws Exception {
        DerivedHeader h = new DerivedHeader();
        h.bname = "broker-a";
        h.queueId = 3;
        RemotingCommand decoded = overTheWire(RemotingCommand.createRequestCommand(11, h), SerializeType.JSON);
        assertEquals(Map.of("bname", "broker-a", "queueId", "3"), decoded.getExtFields());
        DerivedHeader back = decoded.decodeCommandCustomHeader(DerivedHeader.class);
        assertEquals("broker-a", back.bname);
        assertEquals(Integer.valueOf(3), back.queueId);
    }

    @Test
    void checkFieldsRunsAfterDecoding() {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(10, null);
        cmd.addExtField("size", "-1");
        assertEquals("size must not be negative: -1", assertThrows(RemotingCommandException.class,
            () -> cmd.decodeCommandCustomHeader(CheckedHeader.class)).getMessage());
    }

    @Test
    void locallyBuiltCommandDecodesFromItsOwnHeader() throws Exception {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(10, sample());
        AllTypesHeader h = cmd.decodeCommandCustomHeader(AllTypesHeader.class);
        assertEquals(-7, h.count);
        assertEquals("héllo \"q\"", h.name);
    }

    @Test
    void responseHeaderEditedAfterCreationIsSent() throws Exception {
        RemotingCommand response = RemotingCommand.createResponseCommand(DerivedHeader.class);
        assertEquals(RemotingSysResponseCode.SYSTEM_ERROR, response.getCode());
        assertTrue(response.isResponseType());
        ((DerivedHeader) response.readCustomHeader()).queueId = 42;
        response.setCode(RemotingSysResponseCode.SUCCESS);
        RemotingCommand decoded = overTheWire(response, SerializeType.ROCKETMQ);
        assertEquals(Map.of("queueId", "42"), decoded.getExtFields());
        assertEquals(0, decoded.getCode());
    }
}
