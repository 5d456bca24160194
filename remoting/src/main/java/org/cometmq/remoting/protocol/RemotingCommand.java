package org.cometmq.remoting.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.exception.RemotingCommandException;

/**
 * One request or response on the wire: the header fields of spec section 2, the custom header carried as
 * {@code extFields}, and an opaque body. Requests take a JVM-wide increasing {@code opaque}; a response copies
 * its request's opaque. The frame layout is owned by {@link FrameCodec}.
 */
public class RemotingCommand {
    /** JVM property holding the version ordinal stamped on new commands (the client sets it to its release). */
    public static final String REMOTING_VERSION_KEY = "rocketmq.remoting.version";
    /** JVM property (or env {@value #SERIALIZE_TYPE_ENV}) choosing the header serialization of new commands. */
    public static final String SERIALIZE_TYPE_PROPERTY = "rocketmq.serialize.type";
    public static final String SERIALIZE_TYPE_ENV = "ROCKETMQ_SERIALIZE_TYPE";

    private static final int RPC_TYPE = 0; // bit 0: response
    private static final int RPC_ONEWAY = 1; // bit 1: oneway request
    private static final AtomicInteger REQUEST_ID = new AtomicInteger(0);
    private static final SerializeType DEFAULT_SERIALIZE_TYPE = configuredSerializeType();
    private static volatile int configVersion = -1;

    private int code;
    private LanguageCode language = LanguageCode.JAVA;
    private int version = 0;
    private int opaque;
    private int flag = 0;
    private String remark;
    private HashMap<String, String> extFields;
    private transient CommandCustomHeader customHeader;
    private SerializeType serializeTypeCurrentRPC = DEFAULT_SERIALIZE_TYPE;
    private transient byte[] body;

    protected RemotingCommand() {
        this.opaque = REQUEST_ID.getAndIncrement();
    }

    /** For decoders: the opaque comes from the wire, so no request id is consumed. */
    RemotingCommand(boolean decoded) {
        if (!decoded) {
            this.opaque = REQUEST_ID.getAndIncrement();
        }
    }

    /** A request with the given code whose {@code customHeader} fields travel in extFields. */
    public static RemotingCommand createRequestCommand(int code, CommandCustomHeader customHeader) {
        RemotingCommand cmd = new RemotingCommand();
        cmd.setCode(code);
        cmd.customHeader = customHeader;
        setCmdVersion(cmd);
        return cmd;
    }

    /** A response carrying a fresh instance of {@code classHeader}; its code is SYSTEM_ERROR until set. */
    public static RemotingCommand createResponseCommand(Class<? extends CommandCustomHeader> classHeader) {
        return createResponseCommand(RemotingSysResponseCode.SYSTEM_ERROR, "not set any response code", classHeader);
    }

    public static RemotingCommand createResponseCommand(int code, String remark) {
        return createResponseCommand(code, remark, null);
    }

    public static RemotingCommand createResponseCommand(int code, String remark,
        Class<? extends CommandCustomHeader> classHeader) {
        RemotingCommand cmd = new RemotingCommand();
        cmd.markResponseType();
        cmd.setCode(code);
        cmd.setRemark(remark);
        setCmdVersion(cmd);
        if (classHeader != null) {
            try {
                cmd.customHeader = classHeader.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("header class " + classHeader.getName()
                    + " needs a public no-argument constructor", e);
            }
        }
        return cmd;
    }

    /** Decodes a frame without its 4-byte length prefix (header-length word, header, body). */
    public static RemotingCommand decode(byte[] frame) throws RemotingCommandException {
        return FrameCodec.decode(Unpooled.wrappedBuffer(frame));
    }

    /** Decodes a frame without its 4-byte length prefix, from the buffer's position to its limit. */
    public static RemotingCommand decode(ByteBuffer frame) throws RemotingCommandException {
        return FrameCodec.decode(Unpooled.wrappedBuffer(frame));
    }

    /** Encodes the whole frame, length prefix included, into a new heap buffer (for tests and tools; the transport writes into its own buffers). */
    public ByteBuffer encode() {
        ByteBuf out = Unpooled.buffer(256);
        FrameCodec.encode(this, out);
        return out.nioBuffer();
    }

    /** Encodes length prefix, header word and header only, sized for the body this command carries. */
    public ByteBuffer encodeHeader() {
        return encodeHeader(body == null ? 0 : body.length);
    }

    /** Encodes length prefix, header word and header for a body of {@code bodyLength} bytes sent separately. */
    public ByteBuffer encodeHeader(int bodyLength) {
        ByteBuf out = Unpooled.buffer(256);
        FrameCodec.encodeHeader(this, bodyLength, out);
        return out.nioBuffer();
    }

    /** The header length held in a frame's header-length-and-type word. */
    public static int getHeaderLength(int word) {
        return FrameCodec.getHeaderLength(word);
    }

    /** The serialize type held in a frame's header-length-and-type word, or null when unknown. */
    public static SerializeType getProtocolType(int word) {
        return SerializeType.valueOf((byte) ((word >>> 24) & 0xFF));
    }

    /** Copies the custom header's fields into extFields; the encoder calls this so late header edits are sent. */
    public void makeCustomHeaderToNet() {
        if (customHeader != null) {
            if (extFields == null) {
                extFields = new HashMap<>();
            }
            CustomHeaderCodec.write(customHeader, extFields);
        }
    }

    /**
     * Reads extFields into a new {@code classHeader}. A required field that is absent or a value that does not parse
     * raises RemotingCommandException naming the field. A locally built command (never encoded) is read from its own
     * custom header, exactly as the peer would see it.
     */
    public <T extends CommandCustomHeader> T decodeCommandCustomHeader(Class<T> classHeader)
        throws RemotingCommandException {
        if (extFields == null && customHeader != null) {
            makeCustomHeaderToNet();
        }
        return CustomHeaderCodec.read(extFields, classHeader);
    }

    private static void setCmdVersion(RemotingCommand cmd) {
        int v = configVersion;
        if (v < 0) {
            String text = System.getProperty(REMOTING_VERSION_KEY);
            if (text != null) {
                try {
                    v = Integer.parseInt(text.trim());
                    configVersion = v;
                } catch (NumberFormatException e) {
                    v = 0;
                }
            }
        }
        cmd.setVersion(Math.max(v, 0));
    }

    private static SerializeType configuredSerializeType() {
        String name = System.getProperty(SERIALIZE_TYPE_PROPERTY, System.getenv(SERIALIZE_TYPE_ENV));
        if (name != null && SerializeType.ROCKETMQ.name().equalsIgnoreCase(name.trim())) {
            return SerializeType.ROCKETMQ;
        }
        return SerializeType.JSON;
    }

    /** A new request id, unique in this JVM until the counter wraps. */
    public static int createNewRequestId() {
        return REQUEST_ID.getAndIncrement();
    }

    public CommandCustomHeader readCustomHeader() {
        return customHeader;
    }

    public void writeCustomHeader(CommandCustomHeader customHeader) {
        this.customHeader = customHeader;
    }

    public void markResponseType() {
        this.flag |= 1 << RPC_TYPE;
    }

    public boolean isResponseType() {
        return (this.flag & (1 << RPC_TYPE)) != 0;
    }

    public void markOnewayRPC() {
        this.flag |= 1 << RPC_ONEWAY;
    }

    public boolean isOnewayRPC() {
        return (this.flag & (1 << RPC_ONEWAY)) != 0;
    }

    public RemotingCommandType getType() {
        return isResponseType() ? RemotingCommandType.RESPONSE_COMMAND : RemotingCommandType.REQUEST_COMMAND;
    }

    public void addExtField(String key, String value) {
        if (extFields == null) {
            extFields = new HashMap<>();
        }
        extFields.put(key, value);
    }

    public int getCode() {
        return code;
    }

    public void setCode(int code) {
        this.code = code;
    }

    public LanguageCode getLanguage() {
        return language;
    }

    public void setLanguage(LanguageCode language) {
        this.language = language;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public int getOpaque() {
        return opaque;
    }

    public void setOpaque(int opaque) {
        this.opaque = opaque;
    }

    public int getFlag() {
        return flag;
    }

    public void setFlag(int flag) {
        this.flag = flag;
    }

    public String getRemark() {
        return remark;
    }

    public void setRemark(String remark) {
        this.remark = remark;
    }

    public byte[] getBody() {
        return body;
    }

    public void setBody(byte[] body) {
        this.body = body;
    }

    public HashMap<String, String> getExtFields() {
        return extFields;
    }

    public void setExtFields(HashMap<String, String> extFields) {
        this.extFields = extFields;
    }

    public SerializeType getSerializeTypeCurrentRPC() {
        return serializeTypeCurrentRPC;
    }

    public void setSerializeTypeCurrentRPC(SerializeType serializeTypeCurrentRPC) {
        this.serializeTypeCurrentRPC = serializeTypeCurrentRPC;
    }

    @Override
    public String toString() {
        return "RemotingCommand [code=" + code + ", language=" + language + ", version=" + version + ", opaque=" + opaque
            + ", flag(B)=" + Integer.toBinaryString(flag) + ", remark=" + remark + ", extFields=" + extFields
            + ", serializeTypeCurrentRPC=" + serializeTypeCurrentRPC + ", bodyLength=" + (body == null ? 0 : body.length) + "]";
    }
}
