package org.cometmq.store.commitlog;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExtBatch;
import org.cometmq.store.AppendMessageResult;
import org.cometmq.store.AppendMessageStatus;
import org.cometmq.store.logfile.AppendMessageCallback;

/**
 * Writes a prepared batch as consecutive stored records (consecutive queue offsets, one store time) into one
 * commit-log file; when the whole batch does not fit, writes a blank record instead. Runs under the put lock.
 */
public class BatchRecordEncoder implements AppendMessageCallback<PreparedBatch> {

    private final QueueOffsetTable queueOffsetTable;
    private final HostCodec bornHostCodec = new HostCodec();
    private final HostCodec storeHostCodec = new HostCodec();

    public BatchRecordEncoder(QueueOffsetTable queueOffsetTable) {
        this.queueOffsetTable = queueOffsetTable;
    }

    @Override
    public AppendMessageResult doAppend(long fileFromOffset, ByteBuffer buffer, int position, int maxBlank,
                                        PreparedBatch prepared) {
        MessageExtBatch batch = prepared.batch;
        long firstWroteOffset = fileFromOffset + position;
        if (prepared.totalLength + MessageRecordEncoder.END_FILE_MIN_BLANK_LENGTH > maxBlank) {
            return MessageRecordEncoder.writeBlank(buffer, position, maxBlank, firstWroteOffset, batch.getStoreTimestamp());
        }
        long firstQueueOffset = queueOffsetTable.current(prepared.queueKey);
        int p = position;
        for (int i = 0; i < prepared.count; i++) {
            long wroteOffset = fileFromOffset + p;
            prepared.wroteOffsets[i] = wroteOffset;
            p = writeRecord(buffer, p, prepared, i, firstQueueOffset + i, wroteOffset);
        }
        queueOffsetTable.advance(prepared.queueKey, prepared.count);
        batch.setQueueOffset(firstQueueOffset);
        batch.setCommitLogOffset(firstWroteOffset);
        SocketAddress storeHost = batch.getStoreHost();
        long[] offsets = prepared.wroteOffsets;
        AppendMessageResult result = new AppendMessageResult(AppendMessageStatus.PUT_OK, firstWroteOffset,
            prepared.totalLength, () -> batchMessageIds(storeHost, offsets), batch.getStoreTimestamp(), firstQueueOffset, 0);
        result.setMsgNum(prepared.count);
        return result;
    }

    private int writeRecord(ByteBuffer buffer, int position, PreparedBatch prepared, int i, long queueOffset,
                            long wroteOffset) {
        MessageExtBatch batch = prepared.batch;
        int p = position;
        buffer.putInt(p, prepared.msgLen[i]);
        buffer.putInt(p + 4, MessageDecoder.MESSAGE_MAGIC_CODE);
        buffer.putInt(p + 8, prepared.bodyCrc[i]);
        buffer.putInt(p + 12, batch.getQueueId());
        buffer.putInt(p + 16, prepared.flag[i]);
        buffer.putLong(p + 20, queueOffset);
        buffer.putLong(p + 28, wroteOffset);
        buffer.putInt(p + 36, batch.getSysFlag());
        buffer.putLong(p + 40, batch.getBornTimestamp());
        p = bornHostCodec.put(buffer, p + 48, batch.getBornHost());
        buffer.putLong(p, batch.getStoreTimestamp());
        p = storeHostCodec.put(buffer, p + 8, batch.getStoreHost());
        buffer.putInt(p, batch.getReconsumeTimes());
        buffer.putLong(p + 4, 0L);
        p += 12;
        int bodyLen = prepared.bodyLen[i];
        buffer.putInt(p, bodyLen);
        p += 4;
        buffer.put(p, prepared.data, prepared.bodyPos[i], bodyLen);
        p += bodyLen;
        buffer.put(p++, (byte) prepared.topicBytes.length);
        buffer.put(p, prepared.topicBytes);
        p += prepared.topicBytes.length;
        int ownProps = prepared.propsLen[i];
        int extra = prepared.batchPropertiesBytes.length;
        boolean sep = prepared.needSeparator[i];
        buffer.putShort(p, (short) (ownProps + extra + (sep ? 1 : 0)));
        p += 2;
        buffer.put(p, prepared.data, prepared.propsPos[i], ownProps);
        p += ownProps;
        if (extra > 0) {
            if (sep) {
                buffer.put(p++, (byte) MessageDecoder.PROPERTY_SEPARATOR);
            }
            buffer.put(p, prepared.batchPropertiesBytes);
            p += extra;
        }
        return p;
    }

    private static String batchMessageIds(SocketAddress storeHost, long[] offsets) {
        StringBuilder sb = new StringBuilder(offsets.length * 33);
        for (long offset : offsets) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(MessageDecoder.createMessageId(storeHost, offset));
        }
        return sb.toString();
    }
}
