package org.cometmq.common.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The SEND_BATCH_MESSAGE body (section 6.6 of the spec): per message TOTALSIZE int32, MAGICCODE int32 (0),
 * BODYCRC int32 (0), FLAG int32, BODY int32 length + bytes, PROPERTIES int16 length + UTF-8; concatenated.
 */
final class MessageBatchCodec {
    /** TOTALSIZE + MAGICCODE + BODYCRC + FLAG + body length + properties length. */
    static final int FIXED_SIZE = 4 + 4 + 4 + 4 + 4 + 2;

    private MessageBatchCodec() {
    }

    static byte[] encodeMessage(Message message) {
        byte[] properties = propertiesBytes(message);
        byte[] body = bodyOf(message);
        ByteBuffer bb = ByteBuffer.allocate(FIXED_SIZE + body.length + properties.length);
        put(bb, message, body, properties);
        return bb.array();
    }

    static byte[] encodeMessages(List<Message> messages) {
        List<byte[]> propertiesList = new ArrayList<>(messages.size());
        int total = 0;
        for (Message message : messages) {
            byte[] properties = propertiesBytes(message);
            propertiesList.add(properties);
            total += FIXED_SIZE + bodyOf(message).length + properties.length;
        }
        ByteBuffer bb = ByteBuffer.allocate(total);
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            put(bb, message, bodyOf(message), propertiesList.get(i));
        }
        return bb.array();
    }

    private static byte[] bodyOf(Message message) {
        return message.getBody() == null ? new byte[0] : message.getBody();
    }

    private static byte[] propertiesBytes(Message message) {
        byte[] properties = MessageDecoder.messageProperties2String(message.getProperties())
            .getBytes(MessageDecoder.CHARSET_UTF8);
        MessageDecoder.checkLengths(0, properties.length);
        return properties;
    }

    private static void put(ByteBuffer bb, Message message, byte[] body, byte[] properties) {
        bb.putInt(FIXED_SIZE + body.length + properties.length);
        bb.putInt(0);
        bb.putInt(0);
        bb.putInt(message.getFlag());
        bb.putInt(body.length);
        bb.put(body);
        bb.putShort((short) properties.length);
        bb.put(properties);
    }

    /**
     * Decodes one batch entry at the buffer's position and moves past it.
     *
     * @throws MessageFormatException when the entry is truncated or its lengths are inconsistent
     */
    static Message decodeMessage(ByteBuffer bb) {
        int start = bb.position();
        int available = bb.limit() - start;
        if (available < FIXED_SIZE) {
            throw new MessageFormatException("Truncated batch entry at buffer position " + start + ": " + available
                + " bytes left, need at least " + FIXED_SIZE);
        }
        int totalSize = bb.getInt(start);
        if (totalSize < FIXED_SIZE || totalSize > available) {
            throw new MessageFormatException("Corrupt or truncated batch entry at buffer position " + start
                + ": TOTALSIZE " + totalSize + ", " + available + " bytes left");
        }
        int end = start + totalSize;
        int bodyLen = bb.getInt(start + 16);
        if (bodyLen < 0 || bodyLen > totalSize - FIXED_SIZE) {
            throw new MessageFormatException("Corrupt batch entry at buffer position " + start + ": body length "
                + bodyLen + " does not fit TOTALSIZE " + totalSize);
        }
        int propertiesLenPos = start + 20 + bodyLen;
        int propertiesLen = bb.getShort(propertiesLenPos);
        if (propertiesLen < 0 || propertiesLenPos + 2 + propertiesLen != end) {
            throw new MessageFormatException("Corrupt batch entry at buffer position " + start
                + ": properties length " + propertiesLen + " does not end the entry at TOTALSIZE " + totalSize);
        }
        Message message = new Message();
        message.setFlag(bb.getInt(start + 12));
        byte[] body = new byte[bodyLen];
        bb.get(start + 20, body);
        message.setBody(body);
        if (propertiesLen > 0) {
            byte[] properties = new byte[propertiesLen];
            bb.get(propertiesLenPos + 2, properties);
            message.setProperties(MessageDecoder.string2messageProperties(
                new String(properties, MessageDecoder.CHARSET_UTF8)));
        }
        bb.position(end);
        return message;
    }

    static List<Message> decodeMessages(ByteBuffer bb) {
        List<Message> messages = new ArrayList<>();
        while (bb.hasRemaining()) {
            messages.add(decodeMessage(bb));
        }
        return messages;
    }
}
