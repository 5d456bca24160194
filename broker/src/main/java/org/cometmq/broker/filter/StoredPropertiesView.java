package org.cometmq.broker.filter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.cometmq.common.filter.sql92.EvaluationContext;
import org.cometmq.common.message.MessageDecoder;

/**
 * The properties of one stored record (spec 6.1, 6.4) read in place: a lookup scans the record's properties bytes
 * for the name and decodes only the value it finds, so evaluating a filter neither decodes the message nor builds
 * a property map. Name and value separators are the bytes 1 and 2, which never occur inside a multi-byte UTF-8
 * character, so the scan works on bytes. Entry rules follow {@link MessageDecoder#string2messageProperties}: the
 * name ends at the entry's first separator 1, entries with an empty name or value are ignored, and a repeated
 * name keeps its last value.
 *
 * <p>Reusable: {@link #wrap} points it at the next record. Not thread-safe; one instance serves one pull.
 */
final class StoredPropertiesView implements EvaluationContext {
    private static final byte NAME_VALUE_SEPARATOR = (byte) MessageDecoder.NAME_VALUE_SEPARATOR;
    private static final byte PROPERTY_SEPARATOR = (byte) MessageDecoder.PROPERTY_SEPARATOR;

    /** UTF-8 bytes of the names an expression asks for; an expression names only a few properties. */
    private final Map<String, byte[]> nameBytes = new HashMap<>(8);
    private ByteBuffer record;
    private int start;
    private int end;
    private byte[] scratch = new byte[64];

    /**
     * Points the view at the record starting at {@code recordBuffer}'s position (the buffer is not moved).
     *
     * @throws IndexOutOfBoundsException when the record is shorter than its own length fields claim
     */
    StoredPropertiesView wrap(ByteBuffer recordBuffer) {
        int base = recordBuffer.position();
        int sysFlag = recordBuffer.getInt(base + MessageDecoder.SYSFLAG_POSITION);
        int bodyLengthAt = base + MessageDecoder.bodySizePosition(sysFlag);
        int bodyLength = recordBuffer.getInt(bodyLengthAt);
        int topicLengthAt = bodyLengthAt + 4 + bodyLength;
        int topicLength = recordBuffer.get(topicLengthAt);
        int propertiesLengthAt = topicLengthAt + 1 + topicLength;
        int propertiesLength = recordBuffer.getShort(propertiesLengthAt);
        if (bodyLength < 0 || topicLength < 0 || propertiesLength < 0
            || propertiesLengthAt + 2 + propertiesLength > recordBuffer.limit()) {
            throw new IndexOutOfBoundsException("stored record at " + base + " has inconsistent lengths: body "
                + bodyLength + ", topic " + topicLength + ", properties " + propertiesLength);
        }
        this.record = recordBuffer;
        this.start = propertiesLengthAt + 2;
        this.end = start + propertiesLength;
        return this;
    }

    @Override
    public Object get(String name) {
        byte[] wanted = nameBytes.computeIfAbsent(name, n -> n.getBytes(StandardCharsets.UTF_8));
        int valueStart = -1;
        int valueEnd = -1;
        int entry = start;
        while (entry < end) {
            int entryEnd = indexOf(PROPERTY_SEPARATOR, entry, end);
            int separator = indexOf(NAME_VALUE_SEPARATOR, entry, entryEnd);
            // a name must be non-empty and a value non-empty, as the map parser requires
            if (separator > entry && separator < entryEnd - 1 && nameEquals(entry, separator, wanted)) {
                valueStart = separator + 1;
                valueEnd = entryEnd;
            }
            entry = entryEnd + 1;
        }
        return valueStart < 0 ? null : decode(valueStart, valueEnd - valueStart);
    }

    private int indexOf(byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (record.get(i) == value) {
                return i;
            }
        }
        return to;
    }

    private boolean nameEquals(int from, int to, byte[] wanted) {
        if (to - from != wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (record.get(from + i) != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    private String decode(int from, int length) {
        if (record.hasArray()) {
            return new String(record.array(), record.arrayOffset() + from, length, StandardCharsets.UTF_8);
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        record.get(from, scratch, 0, length);
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }
}
