package org.cometmq.store;

import java.nio.ByteBuffer;
import org.cometmq.common.TopicFilterType;
import org.cometmq.common.message.MessageExt;

/**
 * A message on its way into the store: the broker fills it from a send request, the store assigns offsets and
 * times. Carries the properties already serialized and the tag hash for the consume queue.
 */
public class MessageExtBrokerInner extends MessageExt {
    private static final long serialVersionUID = 7256001576878700634L;

    private String propertiesString;
    private long tagsCode;
    /** An already encoded record, for callers that bring one (replication); the store's encoder ignores it. */
    private transient ByteBuffer encodedBuff;
    /** Encoder scratch, filled outside the put lock and used under it. */
    private transient EncodedFields encodedFields;

    /** The consume-queue tag code: the tag's Java hash, 0 without a tag. */
    public static long tagsString2tagsCode(TopicFilterType filter, String tags) {
        return tagsString2tagsCode(tags);
    }

    public static long tagsString2tagsCode(String tags) {
        if (tags == null || tags.isEmpty()) {
            return 0;
        }
        return tags.hashCode();
    }

    public String getPropertiesString() {
        return propertiesString;
    }

    public void setPropertiesString(String propertiesString) {
        this.propertiesString = propertiesString;
    }

    public long getTagsCode() {
        return tagsCode;
    }

    public void setTagsCode(long tagsCode) {
        this.tagsCode = tagsCode;
    }

    public ByteBuffer getEncodedBuff() {
        return encodedBuff;
    }

    public void setEncodedBuff(ByteBuffer encodedBuff) {
        this.encodedBuff = encodedBuff;
    }

    public EncodedFields getEncodedFields() {
        return encodedFields;
    }

    public void setEncodedFields(EncodedFields encodedFields) {
        this.encodedFields = encodedFields;
    }

    /** What the commit-log encoder computes before taking the put lock. */
    public static final class EncodedFields {
        public final byte[] topicBytes;
        public final byte[] propertiesBytes;
        public final int bodyCrc;
        public final int msgLen;
        /** {@code topic-queueId}, the key of the queue-offset table. */
        public final String queueKey;

        public EncodedFields(byte[] topicBytes, byte[] propertiesBytes, int bodyCrc, int msgLen, String queueKey) {
            this.topicBytes = topicBytes;
            this.propertiesBytes = propertiesBytes;
            this.bodyCrc = bodyCrc;
            this.msgLen = msgLen;
            this.queueKey = queueKey;
        }
    }
}
