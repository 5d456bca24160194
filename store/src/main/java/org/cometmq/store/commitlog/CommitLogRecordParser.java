package org.cometmq.store.commitlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.store.DispatchRequest;
import org.cometmq.store.schedule.DelayLevelTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads stored records (spec 6.1) back into {@link DispatchRequest}s for dispatch and recovery, validating magic,
 * length and optionally the body CRC. Never reads past the buffer's limit. Not thread-safe (reuses a CRC).
 */
public class CommitLogRecordParser {

    private static final Logger LOG = LoggerFactory.getLogger(CommitLogRecordParser.class);
    /** TOTALSIZE..PREPAREDOFFSET with IPv4 hosts, then the body length: the least a record can have. */
    private static final int MIN_RECORD_SIZE = MessageDecoder.calMsgLength(0, 0, 0, 0);

    private final DelayLevelTable delayLevelTable;
    private final CRC32 crc32 = new CRC32();
    private final byte[] topicScratch = new byte[256];
    private byte[] lastTopicBytes = new byte[0];
    private String lastTopic = "";

    public CommitLogRecordParser(DelayLevelTable delayLevelTable) {
        this.delayLevelTable = delayLevelTable;
    }

    /**
     * Parses the record at the buffer's position and, when valid, moves the position past it.
     *
     * @return success with the record; success with size 0 at a blank (end-of-file) record; failure with size
     *     -1 (or the declared size) when the bytes are not a valid record
     */
    public DispatchRequest checkMessageAndReturnSize(ByteBuffer buffer, boolean checkCRC) {
        int start = buffer.position();
        int available = buffer.limit() - start;
        if (available < 8) {
            return new DispatchRequest(-1, false);
        }
        int totalSize = buffer.getInt(start);
        int magic = buffer.getInt(start + 4);
        if (magic == MessageDecoder.BLANK_MAGIC_CODE) {
            return new DispatchRequest(0, true);
        }
        if (magic != MessageDecoder.MESSAGE_MAGIC_CODE) {
            if (magic != 0 || totalSize != 0) {
                LOG.warn("bad magic code {} at buffer position {}", Integer.toHexString(magic), start);
            }
            return new DispatchRequest(-1, false);
        }
        if (totalSize < MIN_RECORD_SIZE || totalSize > available) {
            LOG.warn("record at buffer position {} declares size {} but {} bytes remain", start, totalSize, available);
            return new DispatchRequest(-1, false);
        }
        DispatchRequest request = parseFields(buffer, start, totalSize, checkCRC);
        if (request.isSuccess()) {
            buffer.position(start + totalSize);
        }
        return request;
    }

    private DispatchRequest parseFields(ByteBuffer buf, int start, int totalSize, boolean checkCRC) {
        int bodyCrc = buf.getInt(start + 8);
        int queueId = buf.getInt(start + 12);
        long queueOffset = buf.getLong(start + 20);
        long physicOffset = buf.getLong(start + 28);
        int sysFlag = buf.getInt(start + 36);
        int storeTimestampPos = start + MessageDecoder.storeTimestampPosition(sysFlag);
        long storeTimestamp = buf.getLong(storeTimestampPos);
        int p = start + MessageDecoder.bodySizePosition(sysFlag);
        long preparedTransactionOffset = buf.getLong(p - 8);
        int end = start + totalSize;
        if (p + 4 > end) {
            return new DispatchRequest(totalSize, false);
        }
        int bodyLen = buf.getInt(p);
        p += 4;
        if (bodyLen < 0 || p + bodyLen + 1 > end) {
            return new DispatchRequest(totalSize, false);
        }
        if (checkCRC && bodyLen > 0 && crc(buf, p, bodyLen) != bodyCrc) {
            LOG.warn("body CRC mismatch of the record at commit-log offset {}", physicOffset);
            return new DispatchRequest(-1, false);
        }
        p += bodyLen;
        int topicLen = buf.get(p) & 0xFF;
        p += 1;
        if (p + topicLen + 2 > end) {
            return new DispatchRequest(totalSize, false);
        }
        String topic = readTopic(buf, p, topicLen);
        p += topicLen;
        int propertiesLength = buf.getShort(p) & 0xFFFF;
        p += 2;
        if (p + propertiesLength != end) {
            LOG.warn("record at commit-log offset {} declares size {} but its fields take {}", physicOffset, totalSize,
                p + propertiesLength - start);
            return new DispatchRequest(totalSize, false);
        }
        Map<String, String> properties = propertiesLength > 0
            ? MessageDecoder.string2messageProperties(readString(buf, p, propertiesLength)) : null;
        long tagsCode = tagsCode(topic, properties, storeTimestamp);
        String keys = properties == null ? null : properties.get(MessageConst.PROPERTY_KEYS);
        String uniqKey = properties == null ? null : properties.get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        return new DispatchRequest(topic, queueId, physicOffset, totalSize, tagsCode, storeTimestamp, queueOffset,
            keys, uniqKey, sysFlag, preparedTransactionOffset, properties);
    }

    /** The consume-queue tag code: deliver time for parked delayed messages, else the tag's hash. */
    private long tagsCode(String topic, Map<String, String> properties, long storeTimestamp) {
        if (properties == null) {
            return 0;
        }
        if (TopicValidator.RMQ_SYS_SCHEDULE_TOPIC.equals(topic)) {
            String level = properties.get(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
            if (level != null) {
                try {
                    int delayLevel = Integer.parseInt(level);
                    if (delayLevel > 0) {
                        return delayLevelTable.computeDeliverTimestamp(delayLevel, storeTimestamp);
                    }
                } catch (NumberFormatException e) {
                    LOG.warn("bad DELAY property '{}' on a parked message", level);
                }
            }
        }
        String tags = properties.get(MessageConst.PROPERTY_TAGS);
        return tags == null || tags.isEmpty() ? 0 : tags.hashCode();
    }

    private int crc(ByteBuffer buf, int pos, int len) {
        crc32.reset();
        crc32.update(buf.slice(pos, len));
        return (int) (crc32.getValue() & 0x7FFFFFFF);
    }

    /** Topics repeat from record to record: reuse the last topic's String when the bytes are the same. */
    private String readTopic(ByteBuffer buf, int pos, int len) {
        buf.get(pos, topicScratch, 0, len);
        if (!java.util.Arrays.equals(topicScratch, 0, len, lastTopicBytes, 0, lastTopicBytes.length)) {
            lastTopicBytes = java.util.Arrays.copyOf(topicScratch, len);
            lastTopic = new String(lastTopicBytes, StandardCharsets.UTF_8);
        }
        return lastTopic;
    }

    private static String readString(ByteBuffer buf, int pos, int len) {
        byte[] bytes = new byte[len];
        buf.get(pos, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** True for records that belong in a consume queue (not half or rollback transaction records). */
    public static boolean isDispatchedToConsumeQueue(int sysFlag) {
        int tranType = MessageSysFlag.getTransactionValue(sysFlag);
        return tranType == MessageSysFlag.TRANSACTION_NOT_TYPE || tranType == MessageSysFlag.TRANSACTION_COMMIT_TYPE;
    }
}
