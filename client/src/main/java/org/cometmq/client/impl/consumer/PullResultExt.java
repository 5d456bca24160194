package org.cometmq.client.impl.consumer;

import java.util.List;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.common.message.MessageExt;

/**
 * A pull result as it comes off the wire: the raw body of stored records (decoded later, after the caller has
 * chosen how) and the broker id the broker suggests pulling from next.
 */
public class PullResultExt extends PullResult {
    private final long suggestWhichBrokerId;
    private byte[] messageBinary;

    public PullResultExt(PullStatus pullStatus, long nextBeginOffset, long minOffset, long maxOffset,
        List<MessageExt> msgFoundList, long suggestWhichBrokerId, byte[] messageBinary) {
        super(pullStatus, nextBeginOffset, minOffset, maxOffset, msgFoundList);
        this.suggestWhichBrokerId = suggestWhichBrokerId;
        this.messageBinary = messageBinary;
    }

    public long getSuggestWhichBrokerId() {
        return suggestWhichBrokerId;
    }

    public byte[] getMessageBinary() {
        return messageBinary;
    }

    public void setMessageBinary(byte[] messageBinary) {
        this.messageBinary = messageBinary;
    }
}
