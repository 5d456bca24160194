package org.cometmq.store.commitlog;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.store.AppendMessageResult;
import org.cometmq.store.AppendMessageStatus;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.logfile.AppendMessageCallback;

/**
 * Writes one message as a stored record (spec 6.1) straight into the commit-log file's buffer. The expensive,
 * lock-free part (string encoding, body CRC, length) runs in {@link #prepare}; {@link #doAppend} runs under the
 * put lock and only assigns the queue offset and copies fields. Used by one writer at a time.
 */
public class MessageRecordEncoder implements AppendMessageCallback<MessageExtBrokerInner> {

    /** A blank record needs its TOTALSIZE and MAGICCODE: a file must keep 8 bytes free for it. */
    public static final int END_FILE_MIN_BLANK_LENGTH = 4 + 4;
    private static final byte[] EMPTY = new byte[0];
    private static final ThreadLocal<CRC32> CRC = ThreadLocal.withInitial(CRC32::new);
    private static final int MAX_CACHED_TOPICS = 100_000;
    private static final ConcurrentHashMap<String, byte[]> TOPIC_BYTES = new ConcurrentHashMap<>(256);

    private final QueueOffsetTable queueOffsetTable;
    private final HostCodec bornHostCodec = new HostCodec();
    private final HostCodec storeHostCodec = new HostCodec();

    public MessageRecordEncoder(QueueOffsetTable queueOffsetTable) {
        this.queueOffsetTable = queueOffsetTable;
    }

    /**
     * Encodes what can be encoded without the lock. Returns {@code null} when the message can be stored, else
     * why not.
     */
    public static AppendMessageStatus prepare(MessageExtBrokerInner msg, int maxMessageSize) {
        byte[] topicBytes = topicBytes(msg.getTopic());
        if (topicBytes.length > Byte.MAX_VALUE) {
            return AppendMessageStatus.MESSAGE_SIZE_EXCEEDED;
        }
        String properties = msg.getPropertiesString();
        if (properties == null && msg.getProperties() != null && !msg.getProperties().isEmpty()) {
            // The broker normally serializes properties; never lose them when it did not.
            properties = MessageDecoder.messageProperties2String(msg.getProperties());
            msg.setPropertiesString(properties);
        }
        byte[] propertiesBytes = properties == null || properties.isEmpty()
            ? EMPTY : properties.getBytes(StandardCharsets.UTF_8);
        if (propertiesBytes.length > Short.MAX_VALUE) {
            return AppendMessageStatus.PROPERTIES_SIZE_EXCEEDED;
        }
        byte[] body = msg.getBody();
        int bodyLength = body == null ? 0 : body.length;
        if (bodyLength > maxMessageSize) {
            return AppendMessageStatus.MESSAGE_SIZE_EXCEEDED;
        }
        int bodyCrc = crc32(body, 0, bodyLength);
        msg.setBodyCRC(bodyCrc);
        if (HostCodec.isV6(msg.getBornHost())) {
            msg.setBornHostV6Flag();
        }
        if (HostCodec.isV6(msg.getStoreHost())) {
            msg.setStoreHostAddressV6Flag();
        }
        int msgLen = MessageDecoder.calMsgLength(msg.getSysFlag(), bodyLength, topicBytes.length, propertiesBytes.length);
        msg.setEncodedFields(new MessageExtBrokerInner.EncodedFields(topicBytes, propertiesBytes, bodyCrc, msgLen,
            QueueOffsetTable.key(msg.getTopic(), msg.getQueueId())));
        return null;
    }

    /** The UTF-8 bytes of a topic name, cached: topics repeat on every append. Callers must not modify them. */
    static byte[] topicBytes(String topic) {
        byte[] bytes = TOPIC_BYTES.get(topic);
        if (bytes == null) {
            bytes = topic.getBytes(StandardCharsets.UTF_8);
            if (TOPIC_BYTES.size() < MAX_CACHED_TOPICS) {
                TOPIC_BYTES.put(topic, bytes);
            }
        }
        return bytes;
    }

    /** CRC-32 of the bytes with the top bit cleared, as stored in BODYCRC. */
    public static int crc32(byte[] data, int offset, int length) {
        if (data == null || length == 0) {
            return 0;
        }
        CRC32 crc = CRC.get();
        crc.reset();
        crc.update(data, offset, length);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    /** True for half and rollback records: they get queue offset 0 and do not advance the queue. */
    static boolean skipsQueueOffset(int sysFlag) {
        int tranType = MessageSysFlag.getTransactionValue(sysFlag);
        return tranType == MessageSysFlag.TRANSACTION_PREPARED_TYPE || tranType == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
    }

    @Override
    public AppendMessageResult doAppend(long fileFromOffset, ByteBuffer buffer, int position, int maxBlank,
                                        MessageExtBrokerInner msg) {
        MessageExtBrokerInner.EncodedFields fields = msg.getEncodedFields();
        long wroteOffset = fileFromOffset + position;
        int msgLen = fields.msgLen;
        if (msgLen + END_FILE_MIN_BLANK_LENGTH > maxBlank) {
            return writeBlank(buffer, position, maxBlank, wroteOffset, msg.getStoreTimestamp());
        }
        boolean skipQueue = skipsQueueOffset(msg.getSysFlag());
        long queueOffset = skipQueue ? 0 : queueOffsetTable.current(fields.queueKey);
        int p = writeHeader(buffer, position, msg, fields, queueOffset, wroteOffset);
        byte[] body = msg.getBody();
        int bodyLength = body == null ? 0 : body.length;
        buffer.putInt(p, bodyLength);
        p += 4;
        if (bodyLength > 0) {
            buffer.put(p, body, 0, bodyLength);
            p += bodyLength;
        }
        buffer.put(p++, (byte) fields.topicBytes.length);
        buffer.put(p, fields.topicBytes);
        p += fields.topicBytes.length;
        buffer.putShort(p, (short) fields.propertiesBytes.length);
        p += 2;
        buffer.put(p, fields.propertiesBytes);
        if (!skipQueue) {
            queueOffsetTable.advance(fields.queueKey, 1);
        }
        msg.setQueueOffset(queueOffset);
        msg.setCommitLogOffset(wroteOffset);
        msg.setStoreSize(msgLen);
        SocketAddress storeHost = msg.getStoreHost();
        return new AppendMessageResult(AppendMessageStatus.PUT_OK, wroteOffset, msgLen,
            () -> MessageDecoder.createMessageId(storeHost, wroteOffset), msg.getStoreTimestamp(), queueOffset, 0);
    }

    /** Writes fields 1-14 (up to the body length); returns the position after them. */
    private int writeHeader(ByteBuffer buffer, int position, MessageExtBrokerInner msg,
                            MessageExtBrokerInner.EncodedFields fields, long queueOffset, long wroteOffset) {
        int p = position;
        buffer.putInt(p, fields.msgLen);
        buffer.putInt(p + 4, MessageDecoder.MESSAGE_MAGIC_CODE);
        buffer.putInt(p + 8, fields.bodyCrc);
        buffer.putInt(p + 12, msg.getQueueId());
        buffer.putInt(p + 16, msg.getFlag());
        buffer.putLong(p + 20, queueOffset);
        buffer.putLong(p + 28, wroteOffset);
        buffer.putInt(p + 36, msg.getSysFlag());
        buffer.putLong(p + 40, msg.getBornTimestamp());
        p = bornHostCodec.put(buffer, p + 48, msg.getBornHost());
        buffer.putLong(p, msg.getStoreTimestamp());
        p = storeHostCodec.put(buffer, p + 8, msg.getStoreHost());
        buffer.putInt(p, msg.getReconsumeTimes());
        buffer.putLong(p + 4, msg.getPreparedTransactionOffset());
        return p + 12;
    }

    /** Fills the rest of the file with a blank record so readers skip to the next file. */
    static AppendMessageResult writeBlank(ByteBuffer buffer, int position, int maxBlank, long wroteOffset,
                                          long storeTimestamp) {
        buffer.putInt(position, maxBlank);
        buffer.putInt(position + 4, MessageDecoder.BLANK_MAGIC_CODE);
        return new AppendMessageResult(AppendMessageStatus.END_OF_FILE, wroteOffset, maxBlank, null, storeTimestamp, 0, 0);
    }
}
