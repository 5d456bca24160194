package org.cometmq.common.message;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cometmq.common.UtilAll;
import org.cometmq.common.sysflag.MessageSysFlag;

/**
 * Codec of the stored message record (commit log, pull/query/view bodies; section 6.1 of the spec), the
 * properties string (6.4), the batch body (6.6) and the offset message id (6.7).
 *
 * <p>Record layout, big-endian, positions for IPv4 born and store hosts:
 * <pre>
 *  0 TOTALSIZE int32       4 MAGICCODE int32     8 BODYCRC int32      12 QUEUEID int32
 * 16 FLAG int32           20 QUEUEOFFSET int64  28 PHYSICALOFFSET int64
 * 36 SYSFLAG int32        40 BORNTIMESTAMP int64
 * 48 BORNHOST 4+4 (16+4 if BORNHOST_V6_FLAG)    STORETIMESTAMP int64
 *    STOREHOST 4+4 (16+4 if STOREHOSTADDRESS_V6_FLAG)   RECONSUMETIMES int32   PREPARED TX OFFSET int64
 *    BODY int32 length + bytes   TOPIC int8 length + UTF-8   PROPERTIES int16 length + UTF-8
 * </pre>
 * Decoding never reads past a record's TOTALSIZE and throws {@link MessageFormatException} for a record
 * that is truncated or inconsistent, never returning a partly wrong message.
 */
public final class MessageDecoder {
    public static final Charset CHARSET_UTF8 = StandardCharsets.UTF_8;

    /** Magic code of a 4.x message record. */
    public static final int MESSAGE_MAGIC_CODE = 0xDAA320A7;
    /** Magic code of the filler record at the end of a commit-log file. */
    public static final int BLANK_MAGIC_CODE = 0xCBD43194;

    public static final int TOTALSIZE_POSITION = 0;
    public static final int MESSAGE_MAGIC_CODE_POSTION = 4;
    public static final int BODY_CRC_POSITION = 8;
    public static final int QUEUE_ID_POSITION = 12;
    public static final int MESSAGE_FLAG_POSTION = 16;
    public static final int QUEUE_OFFSET_POSITION = 20;
    public static final int PHY_POS_POSITION = 28;
    public static final int MESSAGE_PHYSIC_OFFSET_POSTION = PHY_POS_POSITION;
    public static final int SYSFLAG_POSITION = 36;
    public static final int BORN_TIMESTAMP_POSITION = 40;
    public static final int BORNHOST_POSITION = 48;
    /** STORETIMESTAMP position when the born host is IPv4; see {@link #storeTimestampPosition(int)}. */
    public static final int MESSAGE_STORE_TIMESTAMP_POSTION = 56;
    /** BODY length position when both hosts are IPv4; see {@link #bodySizePosition(int)}. */
    public static final int BODY_SIZE_POSITION = 84;

    /** Bytes of an offset message id for an IPv4 store host (host 4 + port 4 + offset 8). */
    public static final int MSG_ID_LENGTH = 8 + 8;

    public static final char NAME_VALUE_SEPARATOR = 1;
    public static final char PROPERTY_SEPARATOR = 2;

    /** Smallest possible record: IPv4 hosts, empty body, topic and properties. */
    private static final int MIN_RECORD_SIZE = calMsgLength(0, 0, 0, 0);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private MessageDecoder() {
    }

    // ------------------------------------------------------------------ layout helpers

    public static int bornHostLength(int sysFlag) {
        return (sysFlag & MessageSysFlag.BORNHOST_V6_FLAG) == 0 ? 8 : 20;
    }

    public static int storeHostLength(int sysFlag) {
        return (sysFlag & MessageSysFlag.STOREHOSTADDRESS_V6_FLAG) == 0 ? 8 : 20;
    }

    public static int storeTimestampPosition(int sysFlag) {
        return BORNHOST_POSITION + bornHostLength(sysFlag);
    }

    public static int storeHostPosition(int sysFlag) {
        return storeTimestampPosition(sysFlag) + 8;
    }

    public static int reconsumeTimesPosition(int sysFlag) {
        return storeHostPosition(sysFlag) + storeHostLength(sysFlag);
    }

    public static int bodySizePosition(int sysFlag) {
        return reconsumeTimesPosition(sysFlag) + 4 + 8;
    }

    /** Total size of a stored record: 91 + body + topic + properties bytes with IPv4 hosts. */
    public static int calMsgLength(int sysFlag, int bodyLength, int topicLength, int propertiesLength) {
        return 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + bornHostLength(sysFlag) + 8 + storeHostLength(sysFlag) + 4 + 8
            + 4 + Math.max(bodyLength, 0) + 1 + topicLength + 2 + propertiesLength;
    }

    // ------------------------------------------------------------------ offset message id

    /** Offset id from an address and a commit-log offset: uppercase hex of host, port and offset. */
    public static String createMessageId(SocketAddress socketAddress, long transactionIdhashCode) {
        InetSocketAddress isa = (InetSocketAddress) socketAddress;
        byte[] ip = isa.getAddress().getAddress();
        ByteBuffer bb = ByteBuffer.allocate(ip.length + 4 + 8);
        bb.put(ip).putInt(isa.getPort()).putLong(transactionIdhashCode);
        return UtilAll.bytes2string(bb.array());
    }

    /**
     * Offset id from store-host bytes already in a buffer (as written in a record): {@code addr} holds host and
     * port between its position and limit (8 or 20 bytes); {@code input} is scratch space of at least 28 bytes.
     */
    public static String createMessageId(ByteBuffer input, ByteBuffer addr, long offset) {
        input.clear();
        int hostLen = addr.remaining();
        input.put(addr);
        input.putLong(offset);
        return hex(input.array(), input.arrayOffset(), hostLen + 8);
    }

    /** Offset id of the record starting at {@code start} in {@code record}, without copying the record. */
    static String createMessageId(ByteBuffer record, int storeHostPos, int storeHostLen, long offset) {
        char[] chars = new char[(storeHostLen + 8) * 2];
        int c = 0;
        for (int i = 0; i < storeHostLen; i++) {
            int v = record.get(storeHostPos + i) & 0xFF;
            chars[c++] = HEX[v >>> 4];
            chars[c++] = HEX[v & 0xF];
        }
        for (int shift = 60; shift >= 0; shift -= 4) {
            chars[c++] = HEX[(int) (offset >>> shift) & 0xF];
        }
        return new String(chars);
    }

    private static String hex(byte[] bytes, int offset, int length) {
        char[] chars = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int v = bytes[offset + i] & 0xFF;
            chars[i * 2] = HEX[v >>> 4];
            chars[i * 2 + 1] = HEX[v & 0xF];
        }
        return new String(chars);
    }

    /**
     * Parses an offset id: 32 hex chars for an IPv4 store host, 56 for IPv6.
     *
     * @throws MessageFormatException when the id has another length or is not hex
     */
    public static MessageId decodeMessageId(String msgId) throws UnknownHostException {
        if (msgId == null || (msgId.length() != 32 && msgId.length() != 56)) {
            throw new MessageFormatException("Not an offset message id (expected 32 or 56 hex chars): " + msgId);
        }
        byte[] bytes;
        try {
            bytes = UtilAll.string2bytes(msgId);
        } catch (IllegalArgumentException e) {
            throw new MessageFormatException("Not an offset message id (not hex): " + msgId, e);
        }
        int ipLength = msgId.length() == 32 ? 4 : 16;
        ByteBuffer bb = ByteBuffer.wrap(bytes);
        byte[] ip = new byte[ipLength];
        bb.get(ip);
        int port = bb.getInt();
        if (port < 0 || port > 0xFFFF) {
            throw new MessageFormatException("Offset message id has port " + port + " out of range: " + msgId);
        }
        SocketAddress address = new InetSocketAddress(InetAddress.getByAddress(ip), port);
        return new MessageId(address, bb.getLong());
    }

    // ------------------------------------------------------------------ properties string

    /** {@code k1 \u0001 v1 \u0002 k2 \u0001 v2}: null values skipped, no trailing separator. */
    public static String messageProperties2String(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(properties.size() * 24);
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(PROPERTY_SEPARATOR);
            }
            sb.append(entry.getKey()).append(NAME_VALUE_SEPARATOR).append(entry.getValue());
        }
        return sb.toString();
    }

    /**
     * Parses a properties string. Entries are split on \u0002; an entry shorter than 3 chars, without \u0001,
     * or with its first \u0001 at the entry's first or last position is ignored. The name ends at the first
     * \u0001; the value is the rest of the entry.
     */
    public static Map<String, String> string2messageProperties(String properties) {
        Map<String, String> map = new HashMap<>();
        if (properties == null) {
            return map;
        }
        int len = properties.length();
        int index = 0;
        while (index < len) {
            int end = properties.indexOf(PROPERTY_SEPARATOR, index);
            if (end < 0) {
                end = len;
            }
            if (end - index >= 3) {
                int kv = properties.indexOf(NAME_VALUE_SEPARATOR, index);
                if (kv > index && kv < end - 1) {
                    map.put(properties.substring(index, kv), properties.substring(kv + 1, end));
                }
            }
            index = end + 1;
        }
        return map;
    }

    // ------------------------------------------------------------------ stored record decode

    public static MessageExt decode(ByteBuffer byteBuffer) {
        return decode(byteBuffer, true, true, false);
    }

    public static MessageExt decode(ByteBuffer byteBuffer, boolean readBody) {
        return decode(byteBuffer, readBody, true, false);
    }

    public static MessageExt decode(ByteBuffer byteBuffer, boolean readBody, boolean deCompressBody) {
        return decode(byteBuffer, readBody, deCompressBody, false);
    }

    public static MessageExt clientDecode(ByteBuffer byteBuffer, boolean readBody) {
        return decode(byteBuffer, readBody, true, true);
    }

    public static MessageExt decode(ByteBuffer byteBuffer, boolean readBody, boolean deCompressBody,
        boolean isClient) {
        return decode(byteBuffer, readBody, deCompressBody, isClient, false, false);
    }

    /**
     * Decodes the record at the buffer's position and advances the position past it.
     *
     * @param readBody false leaves the body null (headers only)
     * @param deCompressBody inflate a body whose sysFlag has COMPRESSED_FLAG
     * @param isClient produce a {@link MessageClientExt} (msgId = UNIQ_KEY, offset id kept separately)
     * @param isSetPropertiesString also keep the raw properties string as property {@code propertiesString}
     * @param checkCRC verify BODYCRC against the stored body
     * @throws MessageFormatException when the record is truncated, has a wrong magic code, inconsistent
     *     lengths, a CRC mismatch or an undecodable body; the buffer position is then left unchanged
     */
    public static MessageExt decode(ByteBuffer byteBuffer, boolean readBody, boolean deCompressBody, boolean isClient,
        boolean isSetPropertiesString, boolean checkCRC) {
        int start = byteBuffer.position();
        RecordLayout layout = RecordLayout.read(byteBuffer, start);
        MessageExt msg = isClient ? new MessageClientExt() : new MessageExt();
        readFixedFields(byteBuffer, start, layout, msg);
        if (readBody) {
            msg.setBody(readBody(byteBuffer, layout, deCompressBody, checkCRC));
        }
        msg.setTopic(readString(byteBuffer, layout.topicPos, layout.topicLen));
        if (layout.propertiesLen > 0) {
            String properties = readString(byteBuffer, layout.propertiesPos, layout.propertiesLen);
            Map<String, String> map = string2messageProperties(properties);
            if (isSetPropertiesString) {
                map.put("propertiesString", properties);
            }
            MessageAccessor.setProperties(msg, map);
        }
        String offsetMsgId = createMessageId(byteBuffer, layout.storeHostPos, layout.storeHostLen,
            msg.getCommitLogOffset());
        if (isClient) {
            ((MessageClientExt) msg).setOffsetMsgId(offsetMsgId);
        } else {
            msg.setMsgId(offsetMsgId);
        }
        byteBuffer.position(start + layout.totalSize);
        return msg;
    }

    private static void readFixedFields(ByteBuffer bb, int start, RecordLayout layout, MessageExt msg) {
        msg.setStoreSize(layout.totalSize);
        msg.setBodyCRC(bb.getInt(start + BODY_CRC_POSITION));
        msg.setQueueId(bb.getInt(start + QUEUE_ID_POSITION));
        msg.setFlag(bb.getInt(start + MESSAGE_FLAG_POSTION));
        msg.setQueueOffset(bb.getLong(start + QUEUE_OFFSET_POSITION));
        msg.setCommitLogOffset(bb.getLong(start + PHY_POS_POSITION));
        msg.setSysFlag(layout.sysFlag);
        msg.setBornTimestamp(bb.getLong(start + BORN_TIMESTAMP_POSITION));
        msg.setBornHost(readAddress(bb, start + BORNHOST_POSITION, bornHostLength(layout.sysFlag)));
        msg.setStoreTimestamp(bb.getLong(layout.storeHostPos - 8));
        msg.setStoreHost(readAddress(bb, layout.storeHostPos, layout.storeHostLen));
        int reconsumePos = layout.storeHostPos + layout.storeHostLen;
        msg.setReconsumeTimes(bb.getInt(reconsumePos));
        msg.setPreparedTransactionOffset(bb.getLong(reconsumePos + 4));
    }

    private static SocketAddress readAddress(ByteBuffer bb, int pos, int hostLen) {
        byte[] ip = new byte[hostLen - 4];
        bb.get(pos, ip);
        int port = bb.getInt(pos + ip.length);
        if (port < 0 || port > 0xFFFF) {
            throw new MessageFormatException("Corrupt message record: host port " + port + " out of range");
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new MessageFormatException("Corrupt message record: bad host address", e);
        }
    }

    private static byte[] readBody(ByteBuffer bb, RecordLayout layout, boolean deCompressBody, boolean checkCRC) {
        byte[] body = new byte[layout.bodyLen];
        bb.get(layout.bodyPos, body);
        if (checkCRC) {
            int stored = bb.getInt(layout.start + BODY_CRC_POSITION);
            int actual = UtilAll.crc32(body);
            if (stored != actual) {
                throw new MessageFormatException("Corrupt message record at commit-log offset "
                    + bb.getLong(layout.start + PHY_POS_POSITION) + ": BODYCRC " + stored + " != " + actual);
            }
        }
        if (deCompressBody && (layout.sysFlag & MessageSysFlag.COMPRESSED_FLAG) != 0) {
            return decompress(body, layout.sysFlag);
        }
        return body;
    }

    private static byte[] decompress(byte[] body, int sysFlag) {
        int type = MessageSysFlag.getCompressionType(sysFlag);
        if (type != 0 && type != MessageSysFlag.COMPRESSION_ZLIB_TYPE) {
            throw new MessageFormatException("Unsupported body compression type 0x" + Integer.toHexString(type)
                + " (only zlib is supported); decode with deCompressBody=false to get the raw body");
        }
        try {
            return UtilAll.uncompress(body);
        } catch (IOException e) {
            throw new MessageFormatException("Compressed message body cannot be inflated: " + e.getMessage(), e);
        }
    }

    private static String readString(ByteBuffer bb, int pos, int len) {
        if (len == 0) {
            return "";
        }
        if (bb.hasArray()) {
            return new String(bb.array(), bb.arrayOffset() + pos, len, CHARSET_UTF8);
        }
        byte[] bytes = new byte[len];
        bb.get(pos, bytes);
        return new String(bytes, CHARSET_UTF8);
    }

    /** Reads only the properties of the record at the buffer's position; the position is not moved. */
    public static Map<String, String> decodeProperties(ByteBuffer byteBuffer) {
        RecordLayout layout = RecordLayout.read(byteBuffer, byteBuffer.position());
        return string2messageProperties(readString(byteBuffer, layout.propertiesPos, layout.propertiesLen));
    }

    public static List<MessageExt> decodes(ByteBuffer byteBuffer) {
        return decodes(byteBuffer, true);
    }

    public static List<MessageExt> decodes(ByteBuffer byteBuffer, boolean readBody) {
        return decodes(byteBuffer, readBody, true, true);
    }

    public static List<MessageExt> decodes(ByteBuffer byteBuffer, boolean readBody, boolean decompressBody) {
        return decodes(byteBuffer, readBody, decompressBody, true);
    }

    /**
     * Decodes concatenated records until the buffer is exhausted (pull, query and view bodies).
     *
     * @throws MessageFormatException when any record is corrupt or the last one is cut short
     */
    public static List<MessageExt> decodes(ByteBuffer byteBuffer, boolean readBody, boolean decompressBody,
        boolean isClient) {
        List<MessageExt> msgExts = new ArrayList<>();
        while (byteBuffer.hasRemaining()) {
            msgExts.add(decode(byteBuffer, readBody, decompressBody, isClient));
        }
        return msgExts;
    }

    // ------------------------------------------------------------------ stored record encode

    public static byte[] encode(MessageExt messageExt) {
        return encode(messageExt, false);
    }

    /**
     * Encodes a message in the stored record layout. BODYCRC is computed over the body as written; with
     * {@code needCompress} a body whose sysFlag has COMPRESSED_FLAG is deflated first.
     *
     * @throws MessageFormatException when the topic exceeds 127 bytes or the properties 32767 bytes
     */
    public static byte[] encode(MessageExt messageExt, boolean needCompress) {
        byte[] body = messageExt.getBody() == null ? new byte[0] : messageExt.getBody();
        int sysFlag = messageExt.getSysFlag();
        if (needCompress && (sysFlag & MessageSysFlag.COMPRESSED_FLAG) != 0) {
            try {
                body = UtilAll.compress(body, 5);
            } catch (IOException e) {
                throw new MessageFormatException("Message body cannot be compressed: " + e.getMessage(), e);
            }
        }
        byte[] topic = messageExt.getTopic().getBytes(CHARSET_UTF8);
        byte[] properties = messageProperties2String(messageExt.getProperties()).getBytes(CHARSET_UTF8);
        checkLengths(topic.length, properties.length);
        int storeSize = calMsgLength(sysFlag, body.length, topic.length, properties.length);
        ByteBuffer bb = ByteBuffer.allocate(storeSize);
        bb.putInt(storeSize);
        bb.putInt(MESSAGE_MAGIC_CODE);
        bb.putInt(UtilAll.crc32(body));
        bb.putInt(messageExt.getQueueId());
        bb.putInt(messageExt.getFlag());
        bb.putLong(messageExt.getQueueOffset());
        bb.putLong(messageExt.getCommitLogOffset());
        bb.putInt(sysFlag);
        bb.putLong(messageExt.getBornTimestamp());
        putAddress(bb, messageExt.getBornHost(), bornHostLength(sysFlag), "born");
        bb.putLong(messageExt.getStoreTimestamp());
        putAddress(bb, messageExt.getStoreHost(), storeHostLength(sysFlag), "store");
        bb.putInt(messageExt.getReconsumeTimes());
        bb.putLong(messageExt.getPreparedTransactionOffset());
        bb.putInt(body.length);
        bb.put(body);
        bb.put((byte) topic.length);
        bb.put(topic);
        bb.putShort((short) properties.length);
        bb.put(properties);
        return bb.array();
    }

    static void checkLengths(int topicLength, int propertiesLength) {
        if (topicLength > Byte.MAX_VALUE) {
            throw new MessageFormatException("Topic is " + topicLength + " bytes; at most 127 bytes fit a record");
        }
        if (propertiesLength > Short.MAX_VALUE) {
            throw new MessageFormatException(
                "Message properties are " + propertiesLength + " bytes; at most 32767 bytes fit a record");
        }
    }

    private static void putAddress(ByteBuffer bb, SocketAddress address, int expectedLength, String which) {
        if (!(address instanceof InetSocketAddress) || ((InetSocketAddress) address).getAddress() == null) {
            throw new MessageFormatException("The " + which + " host must be a resolved InetSocketAddress: " + address);
        }
        InetSocketAddress isa = (InetSocketAddress) address;
        byte[] ip = isa.getAddress().getAddress();
        if (ip.length + 4 != expectedLength) {
            throw new MessageFormatException("The " + which + " host " + address
                + " does not match the sysFlag's IPv6 bit for it");
        }
        bb.put(ip);
        bb.putInt(isa.getPort());
    }

    // ------------------------------------------------------------------ batch body (section 6.6)

    /** One message in the batch layout: TOTALSIZE, MAGICCODE 0, BODYCRC 0, FLAG, BODY, PROPERTIES (int16). */
    public static byte[] encodeMessage(Message message) {
        return MessageBatchCodec.encodeMessage(message);
    }

    public static byte[] encodeMessages(List<Message> messages) {
        return MessageBatchCodec.encodeMessages(messages);
    }

    public static Message decodeMessage(ByteBuffer byteBuffer) {
        return MessageBatchCodec.decodeMessage(byteBuffer);
    }

    public static List<Message> decodeMessages(ByteBuffer byteBuffer) {
        return MessageBatchCodec.decodeMessages(byteBuffer);
    }
}
