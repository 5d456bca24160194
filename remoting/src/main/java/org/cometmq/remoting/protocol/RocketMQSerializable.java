package org.cometmq.remoting.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.cometmq.remoting.exception.RemotingCommandException;

/**
 * The ROCKETMQ binary header layout of spec 1.4, the one place that knows it:
 * {@code int16 code | byte language | int16 version | int32 opaque | int32 flag | int32 remarkLen | remark
 * | int32 extLen | (int16 keyLen key int32 valLen value)*}. Strings are UTF-8; length 0 means null.
 */
public final class RocketMQSerializable {

    private RocketMQSerializable() {
    }

    /** Writes the binary header of {@code cmd} at the writer index of {@code out}, strings encoded in place. */
    public static void writeHeader(RemotingCommand cmd, ByteBuf out) {
        out.writeShort(cmd.getCode());
        out.writeByte(cmd.getLanguage() == null ? LanguageCode.OTHER.getCode() : cmd.getLanguage().getCode());
        out.writeShort(cmd.getVersion());
        out.writeInt(cmd.getOpaque());
        out.writeInt(cmd.getFlag());
        String remark = cmd.getRemark();
        if (remark == null || remark.isEmpty()) {
            out.writeInt(0);
        } else {
            writeIntLengthString(out, remark);
        }
        int mapLengthIndex = out.writerIndex();
        out.writeInt(0);
        Map<String, String> extFields = cmd.getExtFields();
        if (extFields != null) {
            for (Map.Entry<String, String> e : extFields.entrySet()) {
                if (e.getKey() != null && e.getValue() != null) {
                    writeShortLengthString(out, e.getKey());
                    writeIntLengthString(out, e.getValue());
                }
            }
        }
        out.setInt(mapLengthIndex, out.writerIndex() - mapLengthIndex - 4);
    }

    private static void writeIntLengthString(ByteBuf out, String s) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        int written = out.writeCharSequence(s, StandardCharsets.UTF_8);
        out.setInt(lengthIndex, written);
    }

    private static void writeShortLengthString(ByteBuf out, String s) {
        int lengthIndex = out.writerIndex();
        out.writeShort(0);
        int written = out.writeCharSequence(s, StandardCharsets.UTF_8);
        out.setShort(lengthIndex, written);
    }

    /** Reads a binary header occupying exactly the readable bytes of {@code in} ({@code headerLength} of them). */
    public static RemotingCommand readHeader(ByteBuf in, int headerLength) throws RemotingCommandException {
        try {
            RemotingCommand cmd = new RemotingCommand(true);
            cmd.setCode(in.readShort());
            byte language = in.readByte();
            LanguageCode languageCode = LanguageCode.valueOf(language);
            cmd.setLanguage(languageCode == null ? LanguageCode.OTHER : languageCode);
            cmd.setVersion(in.readShort());
            cmd.setOpaque(in.readInt());
            cmd.setFlag(in.readInt());
            cmd.setRemark(readString(in, in.readInt(), headerLength, "remark"));
            int extLength = in.readInt();
            checkLength(extLength, headerLength, "extFields");
            if (extLength > 0) {
                cmd.setExtFields(readExtFields(in.readSlice(extLength), headerLength));
            }
            return cmd;
        } catch (IndexOutOfBoundsException e) {
            throw new RemotingCommandException("binary header of " + headerLength + " bytes ends in the middle of a field", e);
        }
    }

    private static HashMap<String, String> readExtFields(ByteBuf map, int headerLength) throws RemotingCommandException {
        HashMap<String, String> fields = new HashMap<>();
        while (map.isReadable()) {
            String key = readString(map, map.readShort(), headerLength, "extFields key");
            String value = readString(map, map.readInt(), headerLength, "extFields value");
            if (key != null && value != null) {
                fields.put(key, value);
            }
        }
        return fields;
    }

    private static String readString(ByteBuf in, int length, int headerLength, String what) throws RemotingCommandException {
        checkLength(length, headerLength, what);
        return length == 0 ? null : in.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }

    private static void checkLength(int length, int headerLength, String what) throws RemotingCommandException {
        if (length < 0 || length > headerLength) {
            throw new RemotingCommandException("binary header: " + what + " length " + length
                + " is negative or exceeds the header length " + headerLength);
        }
    }
}
