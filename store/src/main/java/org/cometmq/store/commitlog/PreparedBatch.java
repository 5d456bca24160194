package org.cometmq.store.commitlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExtBatch;
import org.cometmq.store.AppendMessageStatus;

/**
 * A batch send body (spec 6.6) parsed, outside the put lock, into the per-message facts the encoder needs:
 * where each body and properties string lies in the batch body, its CRC and its stored record length. Each
 * stored record's properties are its own followed by the batch's (broker-added) properties.
 */
public final class PreparedBatch {

    final MessageExtBatch batch;
    final byte[] data;
    final byte[] topicBytes;
    final byte[] batchPropertiesBytes;
    final String queueKey;
    int count;
    int[] flag;
    int[] bodyPos;
    int[] bodyLen;
    int[] bodyCrc;
    int[] propsPos;
    int[] propsLen;
    boolean[] needSeparator;
    int[] msgLen;
    int totalLength;
    /** Filled by the encoder: the commit-log offset of each record. */
    long[] wroteOffsets;

    private PreparedBatch(MessageExtBatch batch, byte[] topicBytes, byte[] batchPropertiesBytes) {
        this.batch = batch;
        this.data = batch.getBody();
        this.topicBytes = topicBytes;
        this.batchPropertiesBytes = batchPropertiesBytes;
        this.queueKey = QueueOffsetTable.key(batch.getTopic(), batch.getQueueId());
        allocate(16);
    }

    /**
     * Parses {@code batch}. Returns the prepared batch, or throws {@link IllegalArgumentException} naming the
     * problem for a malformed body.
     */
    public static PreparedBatch parse(MessageExtBatch batch) {
        byte[] topicBytes = MessageRecordEncoder.topicBytes(batch.getTopic());
        String batchProps = MessageDecoder.messageProperties2String(batch.getProperties());
        byte[] batchPropsBytes = batchProps.getBytes(StandardCharsets.UTF_8);
        PreparedBatch prepared = new PreparedBatch(batch, topicBytes, batchPropsBytes);
        prepared.parseBody();
        return prepared;
    }

    /** Why this batch cannot be stored, or {@code null}. */
    public AppendMessageStatus check(int maxMessageSize) {
        if (topicBytes.length > Byte.MAX_VALUE) {
            return AppendMessageStatus.MESSAGE_SIZE_EXCEEDED;
        }
        for (int i = 0; i < count; i++) {
            int totalProps = propsLen[i] + batchPropertiesBytes.length + (needSeparator[i] ? 1 : 0);
            if (totalProps > Short.MAX_VALUE) {
                return AppendMessageStatus.PROPERTIES_SIZE_EXCEEDED;
            }
            if (bodyLen[i] > maxMessageSize) {
                return AppendMessageStatus.MESSAGE_SIZE_EXCEEDED;
            }
        }
        return null;
    }

    private void parseBody() {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("batch body is empty");
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        int sysFlag = batch.getSysFlag() | (HostCodec.isV6(batch.getBornHost()) ? 0x10 : 0)
            | (HostCodec.isV6(batch.getStoreHost()) ? 0x20 : 0);
        batch.setSysFlag(sysFlag);
        while (in.hasRemaining()) {
            int start = in.position();
            require(in, 20, start, "header");
            int declaredSize = in.getInt(start);
            int f = in.getInt(start + 12);
            int bl = in.getInt(start + 16);
            if (bl < 0 || bl > in.remaining() - 20) {
                throw new IllegalArgumentException("batch message at byte " + start + " declares body length " + bl
                    + " beyond the batch body");
            }
            int bp = start + 20;
            in.position(bp + bl);
            require(in, 2, start, "properties length");
            int pl = in.getShort() & 0xFFFF;
            int pp = in.position();
            require(in, pl, start, "properties");
            in.position(pp + pl);
            if (declaredSize != in.position() - start) {
                throw new IllegalArgumentException("batch message at byte " + start + " declares size " + declaredSize
                    + " but its fields take " + (in.position() - start));
            }
            add(f, bp, bl, pp, pl, sysFlag);
        }
        wroteOffsets = new long[count];
    }

    private static void require(ByteBuffer in, int bytes, int start, String what) {
        if (in.remaining() < bytes) {
            throw new IllegalArgumentException("batch message at byte " + start + " is truncated in its " + what);
        }
    }

    private void add(int f, int bp, int bl, int pp, int pl, int sysFlag) {
        if (count == flag.length) {
            grow();
        }
        boolean sep = pl > 0 && batchPropertiesBytes.length > 0 && data[pp + pl - 1] != MessageDecoder.PROPERTY_SEPARATOR;
        flag[count] = f;
        bodyPos[count] = bp;
        bodyLen[count] = bl;
        bodyCrc[count] = MessageRecordEncoder.crc32(data, bp, bl);
        propsPos[count] = pp;
        propsLen[count] = pl;
        needSeparator[count] = sep;
        int totalProps = pl + batchPropertiesBytes.length + (sep ? 1 : 0);
        msgLen[count] = MessageDecoder.calMsgLength(sysFlag, bl, topicBytes.length, totalProps);
        totalLength += msgLen[count];
        count++;
    }

    private void allocate(int capacity) {
        flag = new int[capacity];
        bodyPos = new int[capacity];
        bodyLen = new int[capacity];
        bodyCrc = new int[capacity];
        propsPos = new int[capacity];
        propsLen = new int[capacity];
        needSeparator = new boolean[capacity];
        msgLen = new int[capacity];
    }

    private void grow() {
        int n = flag.length * 2;
        flag = java.util.Arrays.copyOf(flag, n);
        bodyPos = java.util.Arrays.copyOf(bodyPos, n);
        bodyLen = java.util.Arrays.copyOf(bodyLen, n);
        bodyCrc = java.util.Arrays.copyOf(bodyCrc, n);
        propsPos = java.util.Arrays.copyOf(propsPos, n);
        propsLen = java.util.Arrays.copyOf(propsLen, n);
        needSeparator = java.util.Arrays.copyOf(needSeparator, n);
        msgLen = java.util.Arrays.copyOf(msgLen, n);
    }

    public MessageExtBatch getBatch() {
        return batch;
    }

    /** Number of messages in the batch. */
    public int getCount() {
        return count;
    }

    /** Bytes the whole batch takes in the commit log. */
    public int getTotalLength() {
        return totalLength;
    }
}
