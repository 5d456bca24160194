package org.cometmq.common.message;

import java.nio.ByteBuffer;

/**
 * Validated positions of the variable-length parts of one stored record, computed from its fixed header.
 * Every length is checked against the record's TOTALSIZE and the buffer's limit before anything is read.
 */
final class RecordLayout {
    final int start;
    final int totalSize;
    final int sysFlag;
    final int storeHostPos;
    final int storeHostLen;
    final int bodyPos;
    final int bodyLen;
    final int topicPos;
    final int topicLen;
    final int propertiesPos;
    final int propertiesLen;

    private RecordLayout(int start, int totalSize, int sysFlag, int bodyLen, int topicLen, int propertiesLen) {
        this.start = start;
        this.totalSize = totalSize;
        this.sysFlag = sysFlag;
        this.storeHostPos = start + MessageDecoder.storeHostPosition(sysFlag);
        this.storeHostLen = MessageDecoder.storeHostLength(sysFlag);
        this.bodyPos = start + MessageDecoder.bodySizePosition(sysFlag) + 4;
        this.bodyLen = bodyLen;
        this.topicPos = bodyPos + bodyLen + 1;
        this.topicLen = topicLen;
        this.propertiesPos = topicPos + topicLen + 2;
        this.propertiesLen = propertiesLen;
    }

    /** Reads and checks the layout of the record at {@code start}; nothing past its TOTALSIZE is read. */
    static RecordLayout read(ByteBuffer bb, int start) {
        int available = bb.limit() - start;
        if (available < 8) {
            throw new MessageFormatException("Truncated message record at buffer position " + start + ": "
                + available + " bytes left, need at least 8 for TOTALSIZE and MAGICCODE");
        }
        int totalSize = bb.getInt(start);
        int magic = bb.getInt(start + MessageDecoder.MESSAGE_MAGIC_CODE_POSTION);
        if (magic != MessageDecoder.MESSAGE_MAGIC_CODE) {
            throw new MessageFormatException("Not a message record at buffer position " + start + ": magic code 0x"
                + Integer.toHexString(magic) + (magic == MessageDecoder.BLANK_MAGIC_CODE ? " (blank end-of-file record)"
                : "") + ", expected 0x" + Integer.toHexString(MessageDecoder.MESSAGE_MAGIC_CODE));
        }
        if (totalSize < MessageDecoder.calMsgLength(0, 0, 0, 0)) {
            throw corrupt(start, "TOTALSIZE " + totalSize + " is smaller than the smallest record");
        }
        if (totalSize > available) {
            throw new MessageFormatException("Truncated message record at buffer position " + start + ": TOTALSIZE "
                + totalSize + " but only " + available + " bytes left");
        }
        int sysFlag = bb.getInt(start + MessageDecoder.SYSFLAG_POSITION);
        int end = start + totalSize;
        int bodySizePos = start + MessageDecoder.bodySizePosition(sysFlag);
        if (bodySizePos + 4 + 1 + 2 > end) {
            throw corrupt(start, "TOTALSIZE " + totalSize + " too small for the hosts of sysFlag " + sysFlag);
        }
        int bodyLen = bb.getInt(bodySizePos);
        if (bodyLen < 0 || bodyLen > end - (bodySizePos + 4 + 1 + 2)) {
            throw corrupt(start, "body length " + bodyLen + " does not fit TOTALSIZE " + totalSize);
        }
        int topicLenPos = bodySizePos + 4 + bodyLen;
        int topicLen = bb.get(topicLenPos);
        if (topicLen < 0 || topicLen > end - (topicLenPos + 1 + 2)) {
            throw corrupt(start, "topic length " + topicLen + " does not fit TOTALSIZE " + totalSize);
        }
        int propertiesLenPos = topicLenPos + 1 + topicLen;
        int propertiesLen = bb.getShort(propertiesLenPos);
        if (propertiesLen < 0 || propertiesLenPos + 2 + propertiesLen != end) {
            throw corrupt(start, "properties length " + propertiesLen + " does not end the record at TOTALSIZE "
                + totalSize);
        }
        return new RecordLayout(start, totalSize, sysFlag, bodyLen, topicLen, propertiesLen);
    }

    private static MessageFormatException corrupt(int start, String detail) {
        return new MessageFormatException("Corrupt message record at buffer position " + start + ": " + detail);
    }
}
