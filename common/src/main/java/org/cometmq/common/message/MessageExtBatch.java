package org.cometmq.common.message;

import java.nio.ByteBuffer;

/**
 * A batch as the broker hands it to the store: one MessageExt carrying the send header's values and the
 * batch body (section 6.6 layout) to be split into separate stored records.
 */
public class MessageExtBatch extends MessageExt {
    private static final long serialVersionUID = 1L;

    private ByteBuffer encodedBuff;

    public ByteBuffer wrap() {
        return ByteBuffer.wrap(getBody(), 0, getBody().length);
    }

    public ByteBuffer getEncodedBuff() {
        return encodedBuff;
    }

    public void setEncodedBuff(ByteBuffer encodedBuff) {
        this.encodedBuff = encodedBuff;
    }
}
